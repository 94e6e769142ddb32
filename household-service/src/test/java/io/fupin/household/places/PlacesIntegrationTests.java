package io.fupin.household.places;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PlacesIntegrationTests {

    @Autowired
    Api api;

    @Test
    void keepsTheHierarchyDistrictTownVillage() {
        Fixtures.Village v = Fixtures.village(api);

        assertThat(add("VILLAGE", "错村", v.districtId()).errorFields()).containsExactly("parentId");
        assertThat(add("TOWN", "无区镇", null).errorFields()).containsExactly("parentId");
        assertThat(add("VILLAGE", v.villageName(), v.townId()).status()).isEqualTo(409);
        assertThat(add("TOWN", "新镇", v.districtId()).status()).isEqualTo(201);
        assertThat(api.get(Api.CLERK, "/api/households/places/{id}/children", v.districtId()).body()
                .findValuesAsString("name")).containsExactlyInAnyOrder(v.townName(), "新镇");
        assertThat(api.post(Api.seller(UUID.randomUUID()), Map.of("kind", "DISTRICT", "name", "x"), "/api/households/places")
                .status()).isEqualTo(403);
    }

    private Api.Answer add(String kind, String name, UUID parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        body.put("parentId", parent);
        return api.post(Api.OFFICIAL, body, "/api/households/places");
    }
}
