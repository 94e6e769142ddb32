package io.fupin.household.registry;

/** 建檔立卡貧困戶 (registered poor) or 邊緣戶 (marginal, just above the line). */
public enum HouseholdCategory {
    REGISTERED_POOR, MARGINAL
}
