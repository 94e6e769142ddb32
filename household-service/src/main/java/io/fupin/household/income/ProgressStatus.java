package io.fupin.household.income;

/** REACHED the year's target; ON_TRACK: at least the share of the target that the elapsed share of the year calls for; else BEHIND. */
public enum ProgressStatus {
    REACHED, ON_TRACK, BEHIND
}
