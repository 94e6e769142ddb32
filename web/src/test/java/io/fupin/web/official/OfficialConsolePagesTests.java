package io.fupin.web.official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.web.PageTest;
import io.fupin.web.gateway.ApiPage;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.security.SignedIn;
import io.fupin.web.storefront.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

@PageTest
class OfficialConsolePagesTests {

    static final UUID RICE = UUID.fromString("00000000-0000-0000-0000-00000000b002");
    static final UUID DISTRICT = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID TOWN = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID VILLAGE = UUID.fromString("00000000-0000-0000-0000-0000000000f1");

    static Authentication as(String role) {
        return UsernamePasswordAuthenticationToken.authenticated(
                new SignedIn(role.toLowerCase(), List.of(role), "token-" + role, Instant.now().plusSeconds(3600)), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    static final Authentication OFFICIAL = as("OFFICIAL");

    @Autowired
    MockMvc mvc;

    @Autowired
    Gateway gateway;

    static OfficialDesk.Figures figures(int households, int behind, long incomeFen) {
        return new OfficialDesk.Figures(households, households - behind, 0, behind, incomeFen, incomeFen / households);
    }

    @Test
    void refusesOtherRolesWithForbidden() throws Exception {
        for (String role : List.of("SELLER", "CLERK", "CONSUMER")) {
            mvc.perform(get("/official/certifications").with(authentication(as(role)))).andExpect(status().isForbidden());
        }
    }

    @Test
    void theQueueShowsEachRequestWithItsCertificateAndTheDecisions() throws Exception {
        LocalDate today = LocalDate.now();
        when(gateway.get(any(), eq("/api/catalog/products/worklist?status={status}&page={page}&size=50"),
                any(ParameterizedTypeReference.class), eq("CERTIFICATION_REQUESTED"), eq(0))).thenReturn(new ApiPage<>(
                List.of(new Product(RICE, UUID.randomUUID(), "岗子峪米业有限公司", "稻花香大米", "RICE", "", "", "袋", 5990, 300,
                        "包装", 10, "新兴镇", "兴功村", null, new Product.Certificate("FP-2026-009", "双城区扶贫办",
                        today.minusDays(1), today.plusYears(1)), "CERTIFICATION_REQUESTED", null, null)), 0, 50, 1, 1));

        String html = mvc.perform(get("/official/certifications").with(authentication(OFFICIAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("稻花香大米", "FP-2026-009", "认定通过", "/official/certifications/" + RICE + "/reject",
                "扶贫办后台");
    }

    @Test
    void rejectingWithoutAReasonSendsNothingAndAsksForIt() throws Exception {
        mvc.perform(post("/official/certifications/{id}/reject", RICE).with(authentication(OFFICIAL)).with(csrf())
                        .param("reason", " ").param("from", "CERTIFICATION_REQUESTED"))
                .andExpect(redirectedUrl("/official/certifications?status=CERTIFICATION_REQUESTED"))
                .andExpect(flash().attribute("refused", "reason"));

        verify(gateway, never()).post(any(), eq("/api/catalog/products/{id}/certification/reject"), any(), anyMap(),
                eq(Product.class), eq(RICE));
    }

    @Test
    void revokesWithTheReason() throws Exception {
        mvc.perform(post("/official/certifications/{id}/revoke", RICE).with(authentication(OFFICIAL)).with(csrf())
                        .param("reason", "抽检不合格").param("from", "ON_SALE"))
                .andExpect(flash().attribute("done", "revoked"));

        verify(gateway).post(any(), eq("/api/catalog/products/{id}/revoke"), eq(Map.of("reason", "抽检不合格")), anyMap(),
                eq(Product.class), eq(RICE));
    }

    @Test
    void approvesACertificationRequest() throws Exception {
        mvc.perform(post("/official/certifications/{id}/approval", RICE).with(authentication(OFFICIAL)).with(csrf()))
                .andExpect(flash().attribute("done", "approved"));

        verify(gateway).post(any(), eq("/api/catalog/products/{id}/certification/approve"), eq(null), anyMap(),
                eq(Product.class), eq(RICE));
    }

    @Test
    void theDistrictsProgressIsAChartWithTheSameFiguresAsATableLinkingEachTown() throws Exception {
        int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        when(gateway.get(any(), eq("/api/households/places?size=1000"), any(ParameterizedTypeReference.class)))
                .thenReturn(new ApiPage<>(List.of(new OfficialDesk.Place(TOWN, "TOWN", "新兴镇", DISTRICT),
                        new OfficialDesk.Place(DISTRICT, "DISTRICT", "双城区", null)), 0, 1000, 2, 1));
        when(gateway.get(any(), eq("/api/households/reports/places/{id}?year={year}"), eq(OfficialDesk.PlaceReport.class),
                eq(DISTRICT), eq(year))).thenReturn(new OfficialDesk.PlaceReport(DISTRICT, "DISTRICT", "双城区", year,
                figures(3, 2, 150_000), List.of(new OfficialDesk.PlaceReport(TOWN, "TOWN", "新兴镇", year,
                figures(3, 2, 150_000), List.of()))));

        String html = mvc.perform(get("/official/progress").with(authentication(OFFICIAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("双城区", "id=\"progress-chart\"", "/webjars/echarts/", "/dist/echarts.min.js",
                "\"name\":\"新兴镇\"", "\"behind\":2", "/official/progress?place=" + TOWN, "¥1,500.00")
                .doesNotContain("id=\"households\"");
    }

    @Test
    void aVillageListsItsHouseholdsBehindTargetFirst() throws Exception {
        int year = 2026;
        when(gateway.get(any(), eq("/api/households/reports/places/{id}?year={year}"), eq(OfficialDesk.PlaceReport.class),
                eq(VILLAGE), eq(year))).thenReturn(new OfficialDesk.PlaceReport(VILLAGE, "VILLAGE", "兴功村", year,
                figures(2, 1, 120_000), List.of()));
        when(gateway.get(any(), eq("/api/households/reports/places/{id}/households?year={year}&status={status}&page={page}&size=100"),
                any(ParameterizedTypeReference.class), eq(VILLAGE), eq(year), eq("BEHIND"), eq(0)))
                .thenReturn(new ApiPage<>(List.of(new OfficialDesk.Progress(UUID.randomUUID(), "230113-0007", "赵*",
                        "REGISTERED_POOR", "兴功村", "新兴镇", year, 20_000, 100_000, new BigDecimal("20.0"), "BEHIND",
                        null)), 0, 100, 1, 1));

        String html = mvc.perform(get("/official/progress").param("place", VILLAGE.toString()).param("year", "2026")
                        .with(authentication(OFFICIAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("兴功村", "2026 年增收进度", "赵* 230113-0007", "¥200.00", "¥1,000.00", "落后于目标");
    }

    @Test
    void rejectsACostChangeWithItsReason() throws Exception {
        UUID change = UUID.randomUUID();

        mvc.perform(post("/official/cost-changes/{id}/reject", change).with(authentication(OFFICIAL)).with(csrf())
                        .param("reason", "凭证不全"))
                .andExpect(flash().attribute("done", "cost-reject"));

        verify(gateway).post(any(), eq("/api/catalog/cost-changes/{id}/reject"), eq(Map.of("reason", "凭证不全")),
                anyMap(), eq(Map.class), eq(change));
    }
}
