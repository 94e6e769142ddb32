package io.fupin.household.places;

import static io.fupin.support.testing.Slices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.household.HouseholdSlice;
import io.fupin.support.identity.Role;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.fupin.support.testing.ControllerSlice;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Adding and reading places: who may, what a malformed place is told, and the problem+json of a refusal. */
@ControllerSlice(PlaceController.class)
class PlaceControllerTests extends HouseholdSlice {

    @MockitoBean
    Places places;

    @Test
    void onlyAnOfficialOrAnAdministratorAddsAPlace() throws Exception {
        mvc.perform(add("{\"kind\":\"DISTRICT\",\"name\":\"安定区\"}").with(as(Role.SELLER)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(add("{\"kind\":\"DISTRICT\",\"name\":\"安定区\"}").with(as(Role.CLERK)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(add("{\"kind\":\"DISTRICT\",\"name\":\"安定区\"}").with(anonymous()))
                .andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(places);
    }

    @Test
    void aPlaceWithoutKindOrNameNamesBothFields() throws Exception {
        mvc.perform(add("{\"name\":\" \"}").with(as(Role.OFFICIAL))).andExpect(problem(400, "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[1].field").value("name"));
        verifyNoInteractions(places);
    }

    @Test
    void aSecondPlaceOfTheSameNameIsAConflict() throws Exception {
        given(places.add(any(), any(), any())).willThrow(new PlaceExists("兴功村"));
        mvc.perform(add("{\"kind\":\"DISTRICT\",\"name\":\"兴功村\"}").with(as(Role.OFFICIAL)))
                .andExpect(problem(409, "place-exists"))
                .andExpect(jsonPath("$.detail").value("There is already a place called 兴功村 here."));
    }

    @Test
    void theChildrenOfAnUnknownPlaceAreNotFound() throws Exception {
        UUID placeId = UUID.randomUUID();
        given(places.children(placeId, new PageRequest(0, 1000))).willThrow(new PlaceNotFound(placeId));
        mvc.perform(get("/api/households/places/" + placeId + "/children").with(as(Role.CLERK)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("No place " + placeId + "."));
    }

    @Test
    void answersThePageAskedForOfEveryPlaceAndOfAPlacesChildren() throws Exception {
        UUID district = UUID.randomUUID();
        Place town = new Place(UUID.randomUUID(), PlaceKind.TOWN, "双城镇", district);
        given(places.all(new PageRequest(1, 2))).willReturn(Page.of(List.of(town), new PageRequest(1, 2), 3));
        given(places.children(district, new PageRequest(0, 10))).willReturn(Page.of(List.of(town),
                new PageRequest(0, 10), 1));

        mvc.perform(get("/api/households/places").param("page", "1").param("size", "2").with(as(Role.SELLER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].name").value("双城镇"))
                .andExpect(jsonPath("$.page").value(1)).andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalItems").value(3)).andExpect(jsonPath("$.totalPages").value(2));
        mvc.perform(get("/api/households/places/" + district + "/children").param("size", "10").with(as(Role.CLERK)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].parentId").value(district.toString()))
                .andExpect(jsonPath("$.totalItems").value(1));
    }

    @Test
    void aPageThatCannotBeServedNamesItsParameter() throws Exception {
        mvc.perform(get("/api/households/places").param("size", "1001").with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/households/places").param("page", "-1").with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/households/places/" + UUID.randomUUID() + "/children").param("size", "0")
                .with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/households/places").param("page", "first").with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("page"));
        verifyNoInteractions(places);
    }

    private static MockHttpServletRequestBuilder add(String body) {
        return post("/api/households/places").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
