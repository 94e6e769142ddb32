package io.fupin.household.registry;

/** 建档立卡贫困户 (registered poor) or 边缘户 (marginal, just above the line). */
public enum HouseholdCategory {
    REGISTERED_POOR, MARGINAL
}
