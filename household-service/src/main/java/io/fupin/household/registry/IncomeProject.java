package io.fupin.household.registry;

/** What a household earns from: 鹅, 鸡, 猪, 中草药 (e.g. 颠茄草), 大蒜, 小葱, or something else. */
public enum IncomeProject {
    GOOSE, CHICKEN, PIG, HERBS, GARLIC, SHALLOT, OTHER
}
