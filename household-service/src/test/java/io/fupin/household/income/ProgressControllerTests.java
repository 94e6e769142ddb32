package io.fupin.household.income;

import static io.fupin.support.testing.Slices.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.household.HouseholdSlice;
import io.fupin.household.registry.HouseholdCategory;
import io.fupin.support.identity.Role;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.fupin.support.testing.ControllerSlice;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** A place's households' progress: who may read it, the page asked for, and the problem+json of a bad request. */
@ControllerSlice(ProgressController.class)
class ProgressControllerTests extends HouseholdSlice {

    static final UUID PLACE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    static final HouseholdProgress PROGRESS = new HouseholdProgress(UUID.randomUUID(), "SC-0001", "=cmd|' /C calc'!A0",
            HouseholdCategory.REGISTERED_POOR, "@兴功村", "双城镇", 2026, 50_000, 100_000, new BigDecimal("50.0"),
            ProgressStatus.ON_TRACK, null);

    @MockitoBean
    IncomeProgress progress;

    @Test
    void answersThePageOfTheStatusAskedFor() throws Exception {
        given(progress.inPlace(PLACE, 2026, ProgressStatus.ON_TRACK, new PageRequest(1, 50)))
                .willReturn(Page.of(List.of(PROGRESS), new PageRequest(1, 50), 51));

        mvc.perform(get("/api/households/reports/places/" + PLACE + "/households").param("year", "2026")
                .param("status", "ON_TRACK").param("page", "1").param("size", "50").with(as(Role.OFFICIAL)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].registrationNumber").value("SC-0001"))
                .andExpect(jsonPath("$.items[0].status").value("ON_TRACK"))
                .andExpect(jsonPath("$.page").value(1)).andExpect(jsonPath("$.totalItems").value(51))
                .andExpect(jsonPath("$.totalPages").value(2));
    }

    @Test
    void aRequestThatCannotBeServedNamesItsParameter() throws Exception {
        String households = "/api/households/reports/places/" + PLACE + "/households";
        mvc.perform(get(households).param("size", "1001").with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get(households).param("page", "-1").with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get(households).param("status", "RICH").with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get(households).param("year", "1999").with(as(Role.OFFICIAL)))
                .andExpect(problem(400, "invalid-request")).andExpect(jsonPath("$.errors[0].field").value("year"));
        verifyNoInteractions(progress);
    }

    @Test
    void onlyOfficialsReadAPlacesHouseholds() throws Exception {
        mvc.perform(get("/api/households/reports/places/" + PLACE + "/households").with(as(Role.CLERK)))
                .andExpect(problem(403, "forbidden"));
        verifyNoInteractions(progress);
    }

    @Test
    void writesHouseholdRowsWithFormulaCellsNeutralized() {
        assertThat(ProgressController.householdRow(PROGRESS)).isEqualTo(
                "SC-0001,'=cmd|' /C calc'!A0,REGISTERED_POOR,双城镇,'@兴功村,2026,50000,100000,50.0,ON_TRACK,\r\n");
    }
}
