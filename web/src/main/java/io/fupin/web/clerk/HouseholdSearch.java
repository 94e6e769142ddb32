package io.fupin.web.clerk;

import io.fupin.web.gateway.ApiPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finding households for their statements: by village, by registration number or by a fragment of the name. */
final class HouseholdSearch {

    /** At most this many households are shown; more means the search should be narrowed. */
    static final int SHOWN = 200;
    private static final int MAX_PAGES = 10;

    record Village(UUID id, String label) {
    }

    record Found(List<ClerkDesk.Household> households, boolean more) {
    }

    private HouseholdSearch() {
    }

    /** Every village, labelled "town · village", in that order. */
    static List<Village> villages(List<ClerkDesk.Place> places) {
        Map<UUID, ClerkDesk.Place> byId = places.stream()
                .collect(Collectors.toMap(ClerkDesk.Place::id, Function.identity(), (a, b) -> a));
        return places.stream().filter(place -> "VILLAGE".equals(place.kind()))
                .map(village -> {
                    ClerkDesk.Place town = village.parentId() == null ? null : byId.get(village.parentId());
                    return new Village(village.id(), town == null ? village.name() : town.name() + " · " + village.name());
                })
                .sorted(Comparator.comparing(Village::label)).toList();
    }

    /**
     * The households of the village (all when none is chosen) whose registration number or name contains
     * {@code typed} (any when blank). Names come masked to the surname for clerks, so a fragment finds by surname.
     */
    static Found find(ClerkDesk desk, UUID village, String typed) {
        String wanted = typed.toLowerCase(Locale.ROOT);
        List<ClerkDesk.Household> found = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            ApiPage<ClerkDesk.Household> households = desk.households(village, page);
            for (ClerkDesk.Household household : households.items()) {
                if (wanted.isEmpty() || contains(household.registrationNumber(), wanted)
                        || contains(household.headName(), wanted)) {
                    found.add(household);
                }
            }
            if (!households.hasNext() || found.size() > SHOWN) {
                break;
            }
        }
        return new Found(found.stream().limit(SHOWN).toList(), found.size() > SHOWN);
    }

    private static boolean contains(String value, String wanted) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(wanted);
    }
}
