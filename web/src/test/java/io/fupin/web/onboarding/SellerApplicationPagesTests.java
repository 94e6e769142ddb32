package io.fupin.web.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
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
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.security.SignedIn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

@PageTest
class SellerApplicationPagesTests {

    static final String MINE = "/api/catalog/seller-applications/mine";

    static Authentication as(String... roles) {
        return UsernamePasswordAuthenticationToken.authenticated(new SignedIn("person", List.of(roles), "token",
                Instant.now().plusSeconds(3600)), null, java.util.Arrays.stream(roles)
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Gateway gateway;

    static SellerApplication.Contact contact() {
        return new SellerApplication.Contact("李建国", "13900139000");
    }

    @Test
    void onlyConsumersOpenTheApplicationPage() throws Exception {
        for (String role : List.of("SELLER", "CLERK", "OFFICIAL")) {
            mvc.perform(get("/account/seller-application").with(authentication(as(role)))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/account/seller-application")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aConsumerSeesTheFormAndTheRejectionReasonOfAnEarlierApplication() throws Exception {
        when(gateway.get(any(), eq(MINE), any(Class.class))).thenReturn(new SellerApplicationController.Mine(List.of(
                new SellerApplication(UUID.randomUUID(), "person", "对鹿饮品", "ENTERPRISE", "91230113MA1C00001Q", contact(),
                        "双城镇", "东官村", List.of("营业执照"), "REJECTED", Instant.now(), "official", Instant.now(),
                        "营业执照已过期，请补交新证", null))));

        String html = mvc.perform(get("/account/seller-application").with(authentication(as("CONSUMER"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("对鹿饮品", "已驳回", "营业执照已过期，请补交新证", "id=\"apply-form\"", "统一社会信用代码",
                "申请成为卖家");
    }

    @Test
    void anApplicationWaitingHidesTheForm() throws Exception {
        when(gateway.get(any(), eq(MINE), any(Class.class))).thenReturn(new SellerApplicationController.Mine(List.of(
                new SellerApplication(UUID.randomUUID(), "person", "对鹿饮品", "ENTERPRISE", "91230113MA1C00001Q", contact(),
                        "双城镇", "东官村", List.of("营业执照"), "PENDING", Instant.now(), null, null, null, null))));

        String html = mvc.perform(get("/account/seller-application").with(authentication(as("CONSUMER"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("待审核", "id=\"apply-waiting\"").doesNotContain("id=\"apply-form\"");
    }

    @Test
    void sendsTheFormWithOneDocumentPerLine() throws Exception {
        mvc.perform(post("/account/seller-application").with(authentication(as("CONSUMER"))).with(csrf())
                        .param("name", "兴功村鹅业合作社").param("kind", "COOPERATIVE").param("creditCode", "91230113ma1c00001q")
                        .param("town", "新兴镇").param("village", "兴功村").param("contactName", "李建国")
                        .param("contactPhone", "13900139000").param("documents", "营业执照 档案 2026-118\r\n\r\n 合作社章程 "))
                .andExpect(redirectedUrl("/account/seller-application")).andExpect(flash().attribute("applied", true));

        verify(gateway).post(any(), eq("/api/catalog/seller-applications"), argThat((Map<String, Object> body) ->
                body.get("creditCode").equals("91230113MA1C00001Q") && body.get("kind").equals("COOPERATIVE")
                        && body.get("documents").equals(List.of("营业执照 档案 2026-118", "合作社章程"))
                        && body.get("contact").equals(Map.of("name", "李建国", "phone", "13900139000"))),
                anyMap(), eq(SellerApplication.class));
    }

    @Test
    void aRefusedCreditCodeAndPhoneAreMarkedBesideTheirFieldsWithWhatWasTyped() throws Exception {
        when(gateway.get(any(), eq(MINE), any(Class.class))).thenReturn(new SellerApplicationController.Mine(List.of()));
        when(gateway.post(any(), eq("/api/catalog/seller-applications"), any(), anyMap(), eq(SellerApplication.class)))
                .thenThrow(new ApiProblem(400, "invalid-request", "invalid", List.of(
                        new ApiProblem.FieldError("creditCode", "must be an 18-character unified social credit code"),
                        new ApiProblem.FieldError("contact.phone", "must be a phone number"))));

        String html = mvc.perform(post("/account/seller-application").with(authentication(as("CONSUMER"))).with(csrf())
                        .param("name", "兴功村鹅业合作社").param("kind", "COOPERATIVE").param("creditCode", "91230113MA1C00001X")
                        .param("contactPhone", "12"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"creditCode-error\"", "校验码正确", "id=\"contactPhone-error\"",
                "value=\"91230113MA1C00001X\"", "value=\"兴功村鹅业合作社\"")
                .doesNotContain("id=\"name-error\"", "id=\"contactName-error\"");
    }
}
