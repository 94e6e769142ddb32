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
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.onboarding.SellerApplication;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.MockMvc;

@PageTest
class SellerApplicationsPagesTests {

    static final UUID APPLICATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    @Autowired
    MockMvc mvc;

    @Autowired
    Gateway gateway;

    @Test
    void refusesOtherRolesWithForbidden() throws Exception {
        for (String role : List.of("SELLER", "CLERK", "CONSUMER")) {
            mvc.perform(get("/official/seller-applications").with(authentication(OfficialConsolePagesTests.as(role))))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theQueueShowsEachApplicationWithItsDocumentsAndTheDecisions() throws Exception {
        when(gateway.get(any(), eq("/api/catalog/seller-applications?status=PENDING&page={page}&size=50"),
                any(ParameterizedTypeReference.class), eq(0))).thenReturn(new ApiPage<>(List.of(new SellerApplication(
                APPLICATION, "consumer", "兴功村鹅业合作社", "COOPERATIVE", "91230113MA1C00001Q",
                new SellerApplication.Contact("李建国", "13900139000"), "新兴镇", "兴功村",
                List.of("营业执照 档案 2026-118", "合作社章程"), "PENDING", Instant.now(), null, null, null, null)), 0, 50, 1, 1));

        String html = mvc.perform(get("/official/seller-applications").with(authentication(OfficialConsolePagesTests.OFFICIAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("兴功村鹅业合作社", "91230113MA1C00001Q", "合作社", "李建国 13900139000", "营业执照 档案 2026-118",
                "合作社章程", "/official/seller-applications/" + APPLICATION + "/approve",
                "/official/seller-applications/" + APPLICATION + "/reject");
    }

    @Test
    void approves() throws Exception {
        mvc.perform(post("/official/seller-applications/{id}/approve", APPLICATION)
                        .with(authentication(OfficialConsolePagesTests.OFFICIAL)).with(csrf()))
                .andExpect(redirectedUrl("/official/seller-applications"))
                .andExpect(flash().attribute("done", "application-approved"));

        verify(gateway).post(any(), eq("/api/catalog/seller-applications/{id}/approve"), eq(null), anyMap(),
                eq(SellerApplication.class), eq(APPLICATION));
    }

    @Test
    void rejectingNeedsAReasonAndSendsIt() throws Exception {
        mvc.perform(post("/official/seller-applications/{id}/reject", APPLICATION).param("reason", " ")
                        .with(authentication(OfficialConsolePagesTests.OFFICIAL)).with(csrf()))
                .andExpect(flash().attribute("refused", "reason"));
        verify(gateway, never()).post(any(), eq("/api/catalog/seller-applications/{id}/reject"), any(), anyMap(),
                eq(SellerApplication.class), eq(APPLICATION));

        mvc.perform(post("/official/seller-applications/{id}/reject", APPLICATION).param("reason", "营业执照已过期")
                        .with(authentication(OfficialConsolePagesTests.OFFICIAL)).with(csrf()))
                .andExpect(flash().attribute("done", "application-rejected"));
        verify(gateway).post(any(), eq("/api/catalog/seller-applications/{id}/reject"), eq(Map.of("reason", "营业执照已过期")),
                anyMap(), eq(SellerApplication.class), eq(APPLICATION));
    }

    @Test
    void aCodeRegisteredMeanwhileIsSaidInThePagesLanguage() throws Exception {
        when(gateway.post(any(), eq("/api/catalog/seller-applications/{id}/approve"), eq(null), anyMap(),
                eq(SellerApplication.class), eq(APPLICATION))).thenThrow(new ApiProblem(409, "duplicate-credit-code",
                "A seller with credit code 91230113MA1C00001Q is already registered.", List.of()));

        mvc.perform(post("/official/seller-applications/{id}/approve", APPLICATION)
                        .with(authentication(OfficialConsolePagesTests.OFFICIAL)).with(csrf()))
                .andExpect(flash().attribute("refused", "duplicate-credit-code"));
    }
}
