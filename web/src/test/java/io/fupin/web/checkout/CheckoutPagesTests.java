package io.fupin.web.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.web.PageTest;
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.orders.Order;
import io.fupin.web.orders.OrderPage;
import io.fupin.web.security.SignedIn;
import io.fupin.web.storefront.Product;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

@PageTest
class CheckoutPagesTests {

    static final UUID PEANUTS = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    static final Authentication CONSUMER = UsernamePasswordAuthenticationToken.authenticated(
            new SignedIn("consumer", List.of("CONSUMER"), "secret-token", Instant.now().plusSeconds(3600)), null,
            List.of(new SimpleGrantedAuthority("ROLE_CONSUMER")));

    @Autowired
    MockMvc mvc;

    @Autowired
    Gateway gateway;

    private MockHttpSession sessionWithPeanutsInCart() throws Exception {
        LocalDate today = LocalDate.now();
        when(gateway.get(any(), eq("/api/catalog/products/{id}"), eq(Product.class), eq(PEANUTS))).thenReturn(
                new Product(PEANUTS, UUID.randomUUID(), "翠翠食品有限公司", "翠小妹花生", "PEANUTS", "翠小妹", "", "袋", 1990,
                        300, "包装", 50, "新兴镇", "兴功村", null,
                        new Product.Certificate("FP-1", "扶贫办", today.minusDays(1), today.plusDays(1)), "ON_SALE", null,
                        null));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/cart/add").session(session).param("productId", PEANUTS.toString()).param("quantity", "2")
                .with(csrf())).andExpect(status().is3xxRedirection());
        return session;
    }

    @Test
    void sendsVisitorsToTheLoginFirst() throws Exception {
        mvc.perform(get("/checkout")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theHeaderNamesTheSignedInUserByUsername() throws Exception {
        MockHttpSession session = sessionWithPeanutsInCart();

        String html = mvc.perform(get("/checkout").session(session).with(authentication(CONSUMER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("退出（consumer）").doesNotContain("SignedIn[");
    }

    private static Order pastOrder(String name, String mobile, String address) {
        return new Order(UUID.randomUUID(), "FP-0", "COMPLETED", 1990, new Order.Delivery(name, mobile, address),
                Instant.now(), null, null, null, null, null, null, null, null, List.of(), List.of());
    }

    @Test
    void offersTheAddressesOfPastOrdersAndFillsInTheOneChosen() throws Exception {
        MockHttpSession session = sessionWithPeanutsInCart();
        when(gateway.get(eq("secret-token"), eq("/api/orders?view=buyer&page={page}&size={size}"),
                eq(OrderPage.class), any(), any())).thenReturn(new OrderPage(List.of(
                pastOrder("王芳", "13800138000", "双城区联兴镇兴功村 1 号"),
                pastOrder("王芳", "13800138000", "双城区联兴镇兴功村 1 号"),
                pastOrder("李强", "13900139000", "哈尔滨市南岗区学府路 2 号")), 0, 20, 3, 1));

        String offered = mvc.perform(get("/checkout").session(session).with(authentication(CONSUMER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String chosen = mvc.perform(get("/checkout").param("address", "1").session(session)
                        .with(authentication(CONSUMER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(offered).contains("id=\"address-book\"", "双城区联兴镇兴功村 1 号", "哈尔滨市南岗区学府路 2 号",
                "href=\"/checkout?address=1\"").doesNotContain("href=\"/checkout?address=2\"");
        assertThat(chosen).contains("value=\"李强\"", "value=\"13900139000\"", ">哈尔滨市南岗区学府路 2 号</textarea>");
    }

    @Test
    void placesOneOrderForADoubleClickUnderTheAttemptsKeyWithTheUsersToken() throws Exception {
        MockHttpSession session = sessionWithPeanutsInCart();
        UUID orderId = UUID.randomUUID();
        when(gateway.post(eq("secret-token"), eq("/api/orders"), any(), anyMap(), eq(Order.class)))
                .thenReturn(new Order(orderId, "FP-1", "PENDING_PAYMENT", 3980, null, Instant.now(), null, null, null,
                        null, null, null, null, null, List.of(), List.of()));
        String form = mvc.perform(get("/checkout").session(session).with(authentication(CONSUMER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String attempt = form.replaceAll("(?s).*name=\"attempt\" value=\"([^\"]+)\".*", "$1");
        assertThat(form).doesNotContain("secret-token");

        for (int click = 0; click < 2; click++) {
            mvc.perform(post("/checkout").session(session).with(authentication(CONSUMER)).with(csrf())
                            .param("attempt", attempt).param("name", "王芳").param("mobile", "13800138000")
                            .param("address", "黑龙江省哈尔滨市双城区").param("buyerKind", "INDIVIDUAL"))
                    .andExpect(redirectedUrl("/account/orders/" + orderId + "?placed"));
        }

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, String>> headers = ArgumentCaptor.forClass(Map.class);
        verify(gateway, times(1)).post(eq("secret-token"), eq("/api/orders"), any(), headers.capture(), eq(Order.class));
        assertThat(headers.getValue()).containsEntry("Idempotency-Key", attempt);
    }

    @Test
    void showsTheServicesFieldErrorsNextToTheirFieldsAndStartsANewAttempt() throws Exception {
        MockHttpSession session = sessionWithPeanutsInCart();
        when(gateway.post(anyString(), eq("/api/orders"), any(), anyMap(), eq(Order.class))).thenThrow(new ApiProblem(
                400, "invalid-request", "Invalid delivery.mobile.",
                List.of(new ApiProblem.FieldError("delivery.mobile", "must be a mainland mobile number of 11 digits"))));

        String html = mvc.perform(post("/checkout").session(session).with(authentication(CONSUMER)).with(csrf())
                        .param("attempt", "first-attempt").param("name", "王芳").param("mobile", "12345")
                        .param("address", "双城区").param("buyerKind", "INDIVIDUAL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"mobile-error\"", "aria-describedby=\"mobile-error\"")
                .doesNotContain("value=\"first-attempt\"");
        // The field comes from the answer; the sentence next to it is in the page's language.
        assertThat(html).contains("请填写 11 位中国大陆手机号").doesNotContain("must be a mainland mobile number");
    }

    @Test
    void saysOrdersAreBusyKeepingTheCartTheFormAndTheAttemptWhenOrderServiceAsksToRetryLater() throws Exception {
        MockHttpSession session = sessionWithPeanutsInCart();
        UUID orderId = UUID.randomUUID();
        when(gateway.post(eq("secret-token"), eq("/api/orders"), any(), anyMap(), eq(Order.class)))
                .thenThrow(new ApiProblem(429, "too-many-requests",
                        "Too many orders are being placed right now; nothing was stored. Retry with the same Idempotency-Key.",
                        List.of(), Duration.ofSeconds(2)))
                .thenReturn(new Order(orderId, "FP-2", "PENDING_PAYMENT", 3980, null, Instant.now(), null, null, null,
                        null, null, null, null, null, List.of(), List.of()));

        String html = mvc.perform(post("/checkout").session(session).with(authentication(CONSUMER)).with(csrf())
                        .param("attempt", "rush-attempt").param("name", "王芳").param("mobile", "13800138000")
                        .param("address", "黑龙江省哈尔滨市双城区").param("buyerKind", "INDIVIDUAL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"checkout-busy\"", "请等 2 秒左右再点一次", "购物车和填写的收货信息都已保留")
                .doesNotContain("id=\"checkout-problem\"", "Too many orders are being placed");
        assertThat(html).contains("name=\"attempt\" value=\"rush-attempt\"", "value=\"王芳\"",
                "value=\"13800138000\"", ">黑龙江省哈尔滨市双城区</textarea>", "翠小妹花生");

        mvc.perform(post("/checkout").session(session).with(authentication(CONSUMER)).with(csrf())
                        .param("attempt", "rush-attempt").param("name", "王芳").param("mobile", "13800138000")
                        .param("address", "黑龙江省哈尔滨市双城区").param("buyerKind", "INDIVIDUAL"))
                .andExpect(redirectedUrl("/account/orders/" + orderId + "?placed"));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, String>> headers = ArgumentCaptor.forClass(Map.class);
        verify(gateway, times(2)).post(eq("secret-token"), eq("/api/orders"), any(), headers.capture(), eq(Order.class));
        assertThat(headers.getAllValues()).allSatisfy(sent -> assertThat(sent).containsEntry("Idempotency-Key", "rush-attempt"));
    }

    @Test
    void saysWhatIsWrongWithAFieldInEnglishWhenThePageIsEnglish() throws Exception {
        MockHttpSession session = sessionWithPeanutsInCart();
        when(gateway.post(anyString(), eq("/api/orders"), any(), anyMap(), eq(Order.class))).thenThrow(new ApiProblem(
                400, "invalid-request", "Invalid delivery.address.",
                List.of(new ApiProblem.FieldError("delivery.address", "must not be blank"))));

        String html = mvc.perform(post("/checkout").session(session).with(authentication(CONSUMER)).with(csrf())
                        .param("lang", "en").param("attempt", "second-attempt").param("name", "Wang Fang")
                        .param("mobile", "13800138000").param("address", " ").param("buyerKind", "INDIVIDUAL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"address-error\"", "Enter the delivery address (at most 300 characters).")
                .doesNotContain("id=\"mobile-error\"");
    }

    @Test
    void theOrderPageShowsWhyTheSellerRejectedARefund() throws Exception {
        UUID orderId = UUID.randomUUID();
        when(gateway.get(any(), eq("/api/orders/{id}"), eq(Order.class), eq(orderId))).thenReturn(new Order(orderId,
                "FP-20261130-0002", "DELIVERED", 3980, new Order.Delivery("王丽", "13800000000", "哈尔滨市双城区兴功村 1 号"),
                Instant.now(), null, null, Instant.now(), Instant.now(), Instant.now(), null, null, null,
                List.of(new Order.Line(PEANUTS, UUID.randomUUID(), 2, 1990, 50, 3980, null, "FP-1", 0, null, null)),
                List.of(new Order.Refund(UUID.randomUUID(), "RETURNED_AFTER_DELIVERY", "不想要了", "REJECTED", 1990,
                        Instant.now(), Instant.now(), "花生已拆封，不符合退货条件"))));

        String html = mvc.perform(get("/account/orders/{id}", orderId).with(authentication(CONSUMER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("已拒绝", "卖家拒绝的原因：花生已拆封，不符合退货条件");
    }
}
