package io.fupin.household.registry;

/** What a household earns from: 鵝, 雞, 豬, 中草藥 (e.g. 顛茄草), 大蒜, 小蔥, or something else. */
public enum IncomeProject {
    GOOSE, CHICKEN, PIG, HERBS, GARLIC, SHALLOT, OTHER
}
