package io.fupin.web.official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.web.PageTest;
import io.fupin.web.gateway.ApiPage;
import io.fupin.web.gateway.Gateway;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.MockMvc;

@PageTest
class PresalePagesTests {

    static final String PATH = "/api/households/presale/without-subscribers?page={page}&size=200";

    @Autowired
    MockMvc mvc;

    @Autowired
    Gateway gateway;

    @Test
    void refusesOtherRolesWithForbidden() throws Exception {
        for (String role : List.of("SELLER", "CLERK", "CONSUMER")) {
            mvc.perform(get("/official/presale").with(authentication(OfficialConsolePagesTests.as(role))))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void listsTheHouseholdsWithoutSubscribersByVillageWithTheirOffers() throws Exception {
        UUID household = UUID.randomUUID();
        UUID eggs = UUID.randomUUID();
        when(gateway.get(any(), eq(PATH), any(ParameterizedTypeReference.class), eq(0))).thenReturn(new ApiPage<>(List.of(
                new OfficialDesk.VillageWithoutSubscribers(OfficialConsolePagesTests.VILLAGE, "兴功村", "新兴镇", List.of(
                        new OfficialDesk.HouseholdWithoutSubscribers(household, "SC-0001", "王**", List.of(
                                new OfficialDesk.PresaleOffer(UUID.randomUUID(), household, eggs, "秋季鹅蛋 300 枚",
                                        LocalDate.of(2026, 10, 1)),
                                new OfficialDesk.PresaleOffer(UUID.randomUUID(), household, eggs, "冬季鹅蛋 200 枚",
                                        LocalDate.of(2026, 12, 1))))))), 0, 200, 1, 1));

        String html = mvc.perform(get("/official/presale").with(authentication(OfficialConsolePagesTests.OFFICIAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("新兴镇 兴功村", "SC-0001", "王**", "秋季鹅蛋 300 枚", "冬季鹅蛋 200 枚",
                "/trace/p/" + eggs, "1 户无人认购", "data-household=\"" + household + "\"")
                .doesNotContain("id=\"no-presale-gaps\"");
    }

    @Test
    void saysSoWhenEveryPresaleHasASubscriber() throws Exception {
        when(gateway.get(any(), eq(PATH), any(ParameterizedTypeReference.class), eq(0)))
                .thenReturn(new ApiPage<>(List.of(), 0, 200, 0, 0));

        String html = mvc.perform(get("/official/presale").with(authentication(OfficialConsolePagesTests.OFFICIAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"no-presale-gaps\"", "每户预售都已有人认购");
    }
}
