package io.fupin.household.income;

import io.fupin.household.places.PlaceKind;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A village's, town's or district's households and their income in a year, computed from the ledger.
 * Averages are per household, in whole fen rounded half up.
 */
public record PlaceReport(UUID placeId, PlaceKind kind, String name, int year, Figures total,
        Map<String, Figures> byCategory, List<PlaceReport> parts) {

    public record Figures(int households, int reached, int onTrack, int behind, long totalIncomeFen,
            long averageIncomeFen, long averageIncomeOfReachedFen) {
    }
}
