package io.fupin.household.places;

import static io.fupin.support.testing.Slices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.fupin.household.HouseholdSlice;
import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
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
        given(places.get(placeId)).willThrow(new PlaceNotFound(placeId));
        mvc.perform(get("/api/households/places/" + placeId + "/children").with(as(Role.CLERK)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("No place " + placeId + "."));
    }

    private static MockHttpServletRequestBuilder add(String body) {
        return post("/api/households/places").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
