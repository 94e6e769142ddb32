package io.fupin.household.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.fupin.support.testing.RepositorySlice;
import io.fupin.support.time.ClockAutoConfiguration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The place hierarchy's lists, paged on the real MariaDB; every test rolls back. */
@RepositorySlice
@ImportAutoConfiguration(ClockAutoConfiguration.class)
@Import(Places.class)
class PlacesTests {

    @Autowired
    Places places;

    @Test
    void pagesAPlacesChildrenByNameInTheDatabase() {
        UUID district = places.add(PlaceKind.DISTRICT, "District " + UUID.randomUUID(), null).id();
        Place c = places.add(PlaceKind.TOWN, "C town", district);
        Place a = places.add(PlaceKind.TOWN, "A town", district);
        Place b = places.add(PlaceKind.TOWN, "B town", district);
        places.add(PlaceKind.VILLAGE, "A village", a.id());

        Page<Place> first = places.children(district, new PageRequest(0, 2));
        Page<Place> second = places.children(district, new PageRequest(1, 2));

        assertThat(first.items()).containsExactly(a, b);
        assertThat(second.items()).containsExactly(c);
        assertThat(first.totalItems()).isEqualTo(3);
        assertThat(second.totalPages()).isEqualTo(2);
        assertThat(places.children(district, new PageRequest(2, 2)).items()).isEmpty();
        assertThat(places.children(c.id(), new PageRequest(0, 2)).totalItems()).isZero();
        UUID nowhere = UUID.randomUUID();
        assertThatThrownBy(() -> places.children(nowhere, new PageRequest(0, 2))).isInstanceOf(PlaceNotFound.class);
    }

    @Test
    void pagesEveryPlaceDistrictsThenTownsThenVillagesWithoutOverlap() {
        UUID district = places.add(PlaceKind.DISTRICT, "District " + UUID.randomUUID(), null).id();
        Place town = places.add(PlaceKind.TOWN, "Town", district);
        Place village = places.add(PlaceKind.VILLAGE, "Village", town.id());

        long total = places.all(new PageRequest(0, 1)).totalItems();
        List<Place> whole = places.all(new PageRequest(0, (int) total)).items();
        int size = (int) Math.max(1, (total + 2) / 3);
        List<Place> paged = new ArrayList<>();
        for (int page = 0; page < places.all(new PageRequest(0, size)).totalPages(); page++) {
            paged.addAll(places.all(new PageRequest(page, size)).items());
        }

        assertThat(whole).hasSize((int) total).extracting(Place::id).contains(district, town.id(), village.id());
        assertThat(whole).extracting(Place::kind).isSortedAccordingTo(Comparator.comparing(PlaceKind::name));
        assertThat(paged).containsExactlyElementsOf(whole);
    }
}
