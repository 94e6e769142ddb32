package io.fupin.web.admin;

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
import io.fupin.web.gateway.Gateway;
import io.fupin.web.gateway.ServiceDown;
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
class AdminConsolePagesTests {

    static Authentication as(String role) {
        return UsernamePasswordAuthenticationToken.authenticated(
                new SignedIn(role.toLowerCase(), List.of(role), "token-" + role, Instant.now().plusSeconds(3600)), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    static final Authentication ADMIN = as("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    Gateway gateway;

    @Test
    void refusesOtherRolesWithForbidden() throws Exception {
        for (String role : List.of("SELLER", "CLERK", "OFFICIAL", "CONSUMER")) {
            mvc.perform(get("/admin/dead-letters").with(authentication(as(role)))).andExpect(status().isForbidden());
        }
    }

    @Test
    void listsThePaymentCallbacksRefusedForTheirAmountWithBothAmounts() throws Exception {
        UUID payment = UUID.fromString("00000000-0000-0000-0000-00000000f001");
        when(gateway.get(any(), eq("/api/payments/flags?page={page}&size=50"),
                any(org.springframework.core.ParameterizedTypeReference.class), eq(0))).thenReturn(
                new io.fupin.web.gateway.ApiPage<>(List.of(new AdminDesk.Flag(UUID.randomUUID(), payment,
                        "amount-mismatch", 3980, 3981, "SBX-20261130-0001", Instant.parse("2026-11-30T02:00:00Z"))),
                        0, 50, 1, 1));

        String html = mvc.perform(get("/admin/payment-flags").with(authentication(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("data-payment=\"" + payment + "\"", "SBX-20261130-0001", "¥39.80", "¥39.81",
                "data-fen=\"3981\"", "amount-mismatch", "2026-11-30 10:00");
        for (String role : List.of("SELLER", "CLERK", "OFFICIAL", "CONSUMER")) {
            mvc.perform(get("/admin/payment-flags").with(authentication(as(role)))).andExpect(status().isForbidden());
        }
    }

    @Test
    void showsEachServicesDeadLettersAndSaysWhichServiceIsDown() throws Exception {
        when(gateway.get(any(), eq("/api/settlements/dead-letters?limit=50"), eq(AdminDesk.DeadLetters.class)))
                .thenReturn(new AdminDesk.DeadLetters(Map.of("order-service.order-events.v1-dlt", 1L), List.of(
                        new AdminDesk.DeadLetter("order-service.order-events.v1-dlt", 0, 7, "order-42", Instant.now(),
                                "order-service.order-events.v1", "not JSON", 12, true))));
        when(gateway.get(any(), eq("/api/catalog/dead-letters?limit=50"), eq(AdminDesk.DeadLetters.class)))
                .thenThrow(new ServiceDown("catalog", "no answer", null));
        when(gateway.get(any(), eq("/api/households/dead-letters?limit=50"), eq(AdminDesk.DeadLetters.class)))
                .thenReturn(new AdminDesk.DeadLetters(Map.of(), List.of()));

        String html = mvc.perform(get("/admin/dead-letters").with(authentication(ADMIN))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("order-42", "not JSON", "order-service.order-events.v1-dlt：1",
                "商品服务暂时不可用", "id=\"replay-settlements\"", "没有死信。", "管理后台");
    }

    @Test
    void replaysOneServicesDeadLetters() throws Exception {
        when(gateway.post(any(), eq("/api/settlements/dead-letters/replay"), eq(null), anyMap(),
                eq(AdminDesk.Replay.class))).thenReturn(new AdminDesk.Replay(3));

        mvc.perform(post("/admin/dead-letters/settlements/replay").with(authentication(ADMIN)).with(csrf()))
                .andExpect(redirectedUrl("/admin/dead-letters")).andExpect(flash().attribute("replayed", 3L));
    }

    @Test
    void replaysNothingForAnUnknownService() throws Exception {
        mvc.perform(post("/admin/dead-letters/gateway/replay").with(authentication(ADMIN)).with(csrf()))
                .andExpect(redirectedUrl("/admin/dead-letters"));

        verify(gateway, never()).post(any(), eq("/api/gateway/dead-letters/replay"), any(), anyMap(), any());
    }

    @Test
    void setsALivestreamLimitAndRefusesOneOutOfRange() throws Exception {
        UUID product = UUID.randomUUID();

        mvc.perform(post("/admin/livestream-limits").with(authentication(ADMIN)).with(csrf())
                        .param("product", product.toString()).param("max", "5"))
                .andExpect(redirectedUrl("/admin/livestream-limits?product=" + product));
        verify(gateway).put(any(), eq("/api/orders/livestream-limits/{id}"), eq(Map.of("maxUnitsPerBuyer", 5)),
                eq(AdminDesk.Limit.class), eq(product));

        String html = mvc.perform(post("/admin/livestream-limits").with(authentication(ADMIN)).with(csrf())
                        .param("product", product.toString()).param("max", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"max-error\"", "aria-invalid=\"true\"");
    }
}
