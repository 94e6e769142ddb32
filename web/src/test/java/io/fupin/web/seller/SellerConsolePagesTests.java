package io.fupin.web.seller;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.web.PageTest;
import io.fupin.web.gateway.ApiPage;
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.gateway.ServiceDown;
import io.fupin.web.orders.Order;
import io.fupin.web.security.SignedIn;
import io.fupin.web.storefront.Product;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

@PageTest
class SellerConsolePagesTests {

    static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final UUID PEANUTS = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-00000000c002");

    static Authentication as(String role) {
        return UsernamePasswordAuthenticationToken.authenticated(
                new SignedIn(role.toLowerCase(), List.of(role), "token-" + role, Instant.now().plusSeconds(3600)), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    static final Authentication SELLER_USER = as("SELLER");

    @Autowired
    MockMvc mvc;

    @Autowired
    Gateway gateway;

    static Product peanuts(String status, long priceFen, long costFen) {
        LocalDate today = LocalDate.now();
        return new Product(PEANUTS, SELLER, "翠翠食品有限公司", "翠小妹花生", "PEANUTS", "翠小妹", "", "袋", priceFen, costFen,
                "包装", 120, "新兴镇", "兴功村", null,
                "ON_SALE".equals(status) ? new Product.Certificate("FP-2026-001", "扶贫办", today.minusDays(1),
                        today.plusYears(1)) : null, status, null, null);
    }

    static Order paid(UUID id, String number) {
        return new Order(id, number, "PAID", 3980, new Order.Delivery("王丽", "13800000000", "哈尔滨市双城区兴功村 1 号"),
                Instant.now(), null, null, Instant.now(), null, null, null, null, null,
                List.of(new Order.Line(PEANUTS, SELLER, 2, 1990, 50, 3980, null, "FP-2026-001", 0, null, null)),
                List.of());
    }

    @BeforeEach
    void sellerProducts() {
        when(gateway.get(any(), eq("/api/catalog/products/worklist?status={status}&page={page}&size={size}"),
                any(ParameterizedTypeReference.class), any(), any(), any())).thenReturn(
                new ApiPage<>(List.of(peanuts("DRAFT", 1990, 50)), 0, 20, 1, 1));
        when(gateway.get(any(), eq("/api/catalog/products/{id}"), eq(Product.class), eq(PEANUTS)))
                .thenReturn(peanuts("DRAFT", 1990, 50));
        when(gateway.get(any(), eq("/api/catalog/products/{id}/cost-changes"), eq(SellerDesk.CostChanges.class),
                eq(PEANUTS))).thenReturn(new SellerDesk.CostChanges(PEANUTS, List.of()));
    }

    private void paidOrders(Order... orders) {
        when(gateway.get(any(), eq("/api/orders?view=seller&status={status}&page={page}&size={size}"),
                any(ParameterizedTypeReference.class), eq("PAID"), any(), any()))
                .thenReturn(new ApiPage<>(List.of(orders), 0, 100, orders.length, 1));
    }

    @Test
    void sendsVisitorsToTheLoginFirst() throws Exception {
        mvc.perform(get("/seller/products")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void refusesOtherRolesWithForbidden() throws Exception {
        for (String role : List.of("CONSUMER", "CLERK", "OFFICIAL")) {
            mvc.perform(get("/seller/products").with(authentication(as(role)))).andExpect(status().isForbidden());
        }
        verify(gateway, never()).get(any(), eq("/api/catalog/products/worklist?status={status}&page={page}&size={size}"),
                any(ParameterizedTypeReference.class), any(), any(), any());
    }

    @Test
    void listsTheSellersProductsWithTheirStateAndALinkInTheHeader() throws Exception {
        String html = mvc.perform(get("/seller/products").with(authentication(SELLER_USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("翠小妹花生", "草稿", "¥19.90", "href=\"/seller/products/" + PEANUTS + "\"",
                "卖家后台");
    }

    @Test
    void listsANewProductWithAmountsTypedInYuanSentAsFen() throws Exception {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        when(gateway.post(any(), eq("/api/catalog/products"), sent.capture(), anyMap(), eq(Product.class)))
                .thenReturn(peanuts("DRAFT", 1990, 50));

        mvc.perform(post("/seller/products").with(authentication(SELLER_USER)).with(csrf())
                        .param("name", "翠小妹花生").param("category", "PEANUTS").param("unit", "袋")
                        .param("price", "19.9").param("cost", "0.50").param("costReason", "包装").param("stock", "120"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/seller/products/" + PEANUTS + "?listed"));

        SellerDesk.NewProduct product = (SellerDesk.NewProduct) sent.getValue();
        assertThat(product.priceFen()).isEqualTo(1990);
        assertThat(product.costFen()).isEqualTo(50);
        assertThat(product.stock()).isEqualTo(120);
    }

    @Test
    void showsAnAmountThatIsNotOneNextToItsFieldWithoutCallingTheApi() throws Exception {
        String html = mvc.perform(post("/seller/products").with(authentication(SELLER_USER)).with(csrf())
                        .param("name", "翠小妹花生").param("category", "PEANUTS").param("unit", "袋")
                        .param("price", "19.999").param("stock", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"priceFen-error\"", "aria-describedby=\"priceFen-error\"", "value=\"19.999\"");
        verify(gateway, never()).post(any(), eq("/api/catalog/products"), any(), anyMap(), eq(Product.class));
    }

    @Test
    void showsTheApisFieldErrorsNextToTheirFieldsInEnglishToo() throws Exception {
        when(gateway.post(any(), eq("/api/catalog/products"), any(), anyMap(), eq(Product.class))).thenThrow(
                new ApiProblem(400, "invalid-request", "Invalid request", List.of(
                        new ApiProblem.FieldError("costFen", "must not exceed the price"))));

        String html = mvc.perform(post("/seller/products?lang=en").with(authentication(SELLER_USER)).with(csrf())
                        .param("name", "翠小妹花生").param("category", "PEANUTS").param("unit", "袋")
                        .param("price", "1").param("cost", "2").param("stock", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"costFen-error\"", "Enter a cost no higher than the price")
                .doesNotContain("priceFen-error");
    }

    @Test
    void listsAPresaleProductWithItsDeliveryDateAndCapacity() throws Exception {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        when(gateway.post(any(), eq("/api/catalog/products"), sent.capture(), anyMap(), eq(Product.class)))
                .thenReturn(peanuts("DRAFT", 1990, 50));
        LocalDate delivery = LocalDate.now().plusMonths(2);

        mvc.perform(post("/seller/products").with(authentication(SELLER_USER)).with(csrf())
                        .param("name", "翠小妹花生").param("category", "PEANUTS").param("unit", "袋")
                        .param("price", "19.90").param("stock", "0").param("presaleDeliveryDate", delivery.toString())
                        .param("presaleCapacity", "300"))
                .andExpect(status().is3xxRedirection());

        assertThat(((SellerDesk.NewProduct) sent.getValue()).presale()).isEqualTo(new SellerDesk.Presale(delivery, 300));
    }

    @Test
    void changesTheDetailsAndPresaleTermsOfAProductFilledInWithWhatItHasNow() throws Exception {
        String page = mvc.perform(get("/seller/products/{id}", PEANUTS).with(authentication(SELLER_USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"details-form\"", "value=\"翠小妹花生\"", "value=\"翠小妹\"", "value=\"兴功村\"");

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        when(gateway.put(any(), eq("/api/catalog/products/{id}"), sent.capture(), eq(Product.class), eq(PEANUTS)))
                .thenReturn(peanuts("DRAFT", 1990, 50));
        LocalDate delivery = LocalDate.now().plusMonths(2);
        mvc.perform(post("/seller/products/{id}/details", PEANUTS).with(authentication(SELLER_USER)).with(csrf())
                        .param("name", "翠小妹红皮花生").param("category", "PEANUTS").param("brand", "翠小妹")
                        .param("description", "新兴镇沙土地种植").param("unit", "500 g 袋").param("originVillage", "兴功村")
                        .param("presaleDeliveryDate", delivery.toString()).param("presaleCapacity", "300"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "described"));

        assertThat(sent.getValue()).isEqualTo(new SellerDesk.Details("翠小妹红皮花生", "PEANUTS", "翠小妹", "新兴镇沙土地种植",
                "500 g 袋", "兴功村", new SellerDesk.Presale(delivery, 300)));
    }

    @Test
    void aPresaleDateTheCatalogRefusesIsShownBesideItsFieldAndACapacityWithoutADateIsNotSent() throws Exception {
        when(gateway.put(any(), eq("/api/catalog/products/{id}"), any(), eq(Product.class), eq(PEANUTS))).thenThrow(
                new ApiProblem(400, "invalid-request", "Invalid request", List.of(
                        new ApiProblem.FieldError("presale.deliveryDate", "must be a future date"))));

        String refused = mvc.perform(post("/seller/products/{id}/details", PEANUTS).with(authentication(SELLER_USER))
                        .with(csrf()).param("name", "翠小妹花生").param("category", "PEANUTS").param("unit", "袋")
                        .param("presaleDeliveryDate", "2020-01-01").param("presaleCapacity", "300"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"presaleDeliveryDate-error\"", "请填写今天以后的发货日期。", "value=\"2020-01-01\"");

        String incomplete = mvc.perform(post("/seller/products/{id}/details", PEANUTS).with(authentication(SELLER_USER))
                        .with(csrf()).param("name", "翠小妹花生").param("category", "PEANUTS").param("unit", "袋")
                        .param("presaleCapacity", "300"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(incomplete).contains("id=\"presaleDeliveryDate-error\"").doesNotContain("presaleCapacity-error");
        verify(gateway).put(any(), eq("/api/catalog/products/{id}"), any(), eq(Product.class), eq(PEANUTS));
    }

    @Test
    void aRaisedCostOfACertifiedProductWaitsForAnOfficial() throws Exception {
        when(gateway.put(any(), eq("/api/catalog/products/{id}/price"), any(), eq(Map.class), eq(PEANUTS)))
                .thenReturn(Map.of("id", UUID.randomUUID().toString(), "productId", PEANUTS.toString(), "status", "PENDING"));

        mvc.perform(post("/seller/products/{id}/price", PEANUTS).with(authentication(SELLER_USER)).with(csrf())
                        .param("price", "19.90").param("cost", "3.00").param("costReason", "冷链运费")
                        .param("evidence", "运单 SF123"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "costChangePending"));

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway).put(any(), eq("/api/catalog/products/{id}/price"), sent.capture(), eq(Map.class), eq(PEANUTS));
        assertThat(sent.getValue()).isEqualTo(new SellerDesk.Reprice(1990, 300, "冷链运费", "运单 SF123"));
    }

    @Test
    void aRefusedStepShowsTheProblemBesideItsFormInThePagesLanguage() throws Exception {
        when(gateway.post(any(), eq("/api/catalog/products/{id}/stock"), any(), anyMap(), eq(Product.class), eq(PEANUTS)))
                .thenThrow(new ApiProblem(409, "insufficient-stock", "not enough stock", List.of()));

        String html = mvc.perform(post("/seller/products/{id}/stock", PEANUTS).with(authentication(SELLER_USER))
                        .with(csrf()).param("delta", "-500"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("库存不足，不能核减这么多。", "value=\"-500\"");
    }

    @Test
    void requestsCertificationWithTheCertificatesDates() throws Exception {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        when(gateway.post(any(), eq("/api/catalog/products/{id}/certification-request"), sent.capture(), anyMap(),
                eq(Product.class), eq(PEANUTS))).thenReturn(peanuts("CERTIFICATION_REQUESTED", 1990, 50));

        mvc.perform(post("/seller/products/{id}/certification-request", PEANUTS).with(authentication(SELLER_USER))
                        .with(csrf()).param("certificateNumber", "FP-2026-001").param("issuingBody", "双城区扶贫办")
                        .param("validFrom", "2026-01-01").param("validUntil", "2027-12-31"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "certificationRequested"));

        assertThat(sent.getValue()).isEqualTo(new SellerDesk.CertificationRequest("FP-2026-001", "双城区扶贫办",
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31)));
    }

    @Test
    void anotherSellersProductIsNotFound() throws Exception {
        when(gateway.get(any(), eq("/api/catalog/products/{id}/cost-changes"), eq(SellerDesk.CostChanges.class),
                eq(PEANUTS))).thenThrow(new ApiProblem(403, "forbidden", "not yours", List.of()));

        mvc.perform(get("/seller/products/{id}", PEANUTS).with(authentication(SELLER_USER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/seller/orders/shipments").with(authentication(SELLER_USER))
                .param("tracking-" + FIRST, "SF1")).andExpect(status().isForbidden());
        verify(gateway, never()).post(any(), eq("/api/orders/{id}/shipments"), any(), anyMap(), eq(Order.class), any());
    }

    @Test
    void shipsEveryOrderWithATrackingNumberAndNamesTheOnesRefused() throws Exception {
        when(gateway.post(any(), eq("/api/orders/{id}/shipments"), any(), anyMap(), eq(Order.class), eq(SECOND)))
                .thenThrow(new ApiProblem(409, "presale-not-due", "presale goods ship from 2026-12-20", List.of()));

        mvc.perform(post("/seller/orders/shipments").with(authentication(SELLER_USER)).with(csrf())
                        .param("tracking-" + FIRST, " SF1001 ").param("number-" + FIRST, "FP-1")
                        .param("tracking-" + SECOND, "SF1002").param("number-" + SECOND, "FP-2")
                        .param("tracking-00000000-0000-0000-0000-00000000c003", ""))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("shipped", 1))
                .andExpect(flash().attribute("notShipped", List.of(new SellerOrdersController.NotShipped("FP-2",
                        "presale goods ship from 2026-12-20"))));

        verify(gateway).post(any(), eq("/api/orders/{id}/shipments"), eq(Map.of("trackingNumber", "SF1001")), anyMap(),
                eq(Order.class), eq(FIRST));
    }

    @Test
    void shipsTheOrdersOfAnUploadedCsvByOrderNumberAndReportsBadLines() throws Exception {
        paidOrders(paid(FIRST, "FP-1"), paid(SECOND, "FP-2"));
        MockMultipartFile csv = new MockMultipartFile("file", "tracking.csv", "text/csv",
                "\uFEFForderNumber,trackingNumber\nFP-1,SF1001\nFP-9,SF1009\nFP-2,\n\"FP-2\",\"SF1002\"\n"
                        .getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/seller/orders/shipments/csv").file(csv).with(authentication(SELLER_USER)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("shipped", 2))
                .andExpect(flash().attribute("notShipped", List.of(
                        new SellerOrdersController.NotShipped("#3 FP-9", "not a paid order of yours"),
                        new SellerOrdersController.NotShipped("#4 FP-2", "no tracking number"))));

        verify(gateway).post(any(), eq("/api/orders/{id}/shipments"), eq(Map.of("trackingNumber", "SF1001")), anyMap(),
                eq(Order.class), eq(FIRST));
        verify(gateway).post(any(), eq("/api/orders/{id}/shipments"), eq(Map.of("trackingNumber", "SF1002")), anyMap(),
                eq(Order.class), eq(SECOND));
    }

    @Test
    void theWorklistOffersATrackingFieldPerPaidOrderLabelledByItsNumber() throws Exception {
        paidOrders(paid(FIRST, "FP-1"), paid(SECOND, "FP-2"));

        String html = mvc.perform(get("/seller/orders").with(authentication(SELLER_USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("name=\"tracking-" + FIRST + "\"", "name=\"tracking-" + SECOND + "\"",
                "订单 FP-1 的运单号", "翠小妹花生 × 2", "name=\"_csrf\"", "enctype=\"multipart/form-data\"");
    }

    @Test
    void thePackingListNamesWhatToPackAndWhereItGoes() throws Exception {
        paidOrders(paid(FIRST, "FP-1"));

        String html = mvc.perform(get("/seller/orders/packing-list").with(authentication(SELLER_USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("FP-1", "王丽", "哈尔滨市双城区兴功村 1 号", "翠小妹花生", "共 1 单待发货");
    }

    @Test
    void ordersDownAnswersTheTemporarilyUnavailablePage() throws Exception {
        when(gateway.get(any(), eq("/api/orders?view=seller&status={status}&page={page}&size={size}"),
                any(ParameterizedTypeReference.class), any(), any(), any()))
                .thenThrow(new ServiceDown("orders", "no answer", null));

        mvc.perform(get("/seller/orders").with(authentication(SELLER_USER))).andExpect(status().isServiceUnavailable());
    }

    @Test
    void rejectsARefundRequestWithTheReasonTheBuyerReads() throws Exception {
        UUID refund = UUID.randomUUID();

        mvc.perform(post("/seller/orders/{id}/refunds/{refund}/rejection", FIRST, refund)
                        .param("reason", " 鸡蛋已食用，不符合退货条件 ")
                        .with(authentication(SELLER_USER)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/seller/refunds"))
                .andExpect(flash().attribute("done", "rejection"));

        verify(gateway).post(any(), eq("/api/orders/{id}/refunds/{refundId}/rejection"),
                eq(Map.of("reason", "鸡蛋已食用，不符合退货条件")), anyMap(), eq(Order.class), eq(FIRST), eq(refund));
    }

    @Test
    void acceptsARefundRequestWithoutAReason() throws Exception {
        UUID refund = UUID.randomUUID();

        mvc.perform(post("/seller/orders/{id}/refunds/{refund}/acceptance", FIRST, refund)
                        .with(authentication(SELLER_USER)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "acceptance"));

        verify(gateway).post(any(), eq("/api/orders/{id}/refunds/{refundId}/acceptance"), eq(null), anyMap(),
                eq(Order.class), eq(FIRST), eq(refund));
    }

    @Test
    void aRejectionWithoutAReasonIsNamedBesideItsFieldAndNotSent() throws Exception {
        UUID refund = UUID.randomUUID();
        Order delivered = new Order(FIRST, "FP-20261130-0001", "DELIVERED", 3980, null, Instant.now(), null, null,
                Instant.now(), Instant.now(), Instant.now(), null, null, null,
                List.of(new Order.Line(PEANUTS, SELLER, 2, 1990, 50, 3980, null, "FP-2026-001", 0, null, null)),
                List.of(new Order.Refund(refund, "RETURNED_AFTER_DELIVERY", "不想要了", "REQUESTED", 1990,
                        Instant.now(), null, null)));
        when(gateway.get(any(), eq("/api/orders?view=seller&status={status}&page={page}&size={size}"),
                any(ParameterizedTypeReference.class), eq("DELIVERED"), any(), any()))
                .thenReturn(new ApiPage<>(List.of(delivered), 0, 100, 1, 1));

        var flashed = mvc.perform(post("/seller/orders/{id}/refunds/{refund}/rejection", FIRST, refund)
                        .param("reason", "  ").with(authentication(SELLER_USER)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/seller/refunds"))
                .andReturn().getFlashMap();
        String html = mvc.perform(get("/seller/refunds").flashAttrs(flashed).with(authentication(SELLER_USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("FP-20261130-0001", "id=\"reason-error-" + refund + "\"", "请填写拒绝原因",
                "aria-describedby=\"reason-error-" + refund + "\"");
        verify(gateway, never()).post(any(), eq("/api/orders/{id}/refunds/{refundId}/rejection"), any(), anyMap(),
                eq(Order.class), any(), any());
    }

    @Test
    void uploadsAPhotoAsTheMultipartPartTheCatalogReads() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
        when(gateway.putFile(any(), eq("/api/catalog/products/{id}/photo"), eq("file"), eq("peanuts.jpg"),
                eq(org.springframework.http.MediaType.IMAGE_JPEG), eq(jpeg), eq(SellerDesk.Photo.class), eq(PEANUTS)))
                .thenReturn(new SellerDesk.Photo(PEANUTS, "/api/catalog/products/" + PEANUTS + "/photo?v=1",
                        "image/jpeg", 800, 600, jpeg.length));

        mvc.perform(multipart("/seller/products/{id}/photo", PEANUTS)
                        .file(new MockMultipartFile("photo", "peanuts.jpg", "image/jpeg", jpeg))
                        .with(authentication(SELLER_USER)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "photoUploaded"));
    }

    @Test
    void aFileThatIsNotAPictureIsNamedBesideThePhotoField() throws Exception {
        when(gateway.putFile(any(), eq("/api/catalog/products/{id}/photo"), any(), any(), any(), any(),
                eq(SellerDesk.Photo.class), eq(PEANUTS)))
                .thenThrow(new ApiProblem(415, "unsupported-photo", "not a JPEG, PNG or WebP", List.of()));

        String html = mvc.perform(multipart("/seller/products/{id}/photo", PEANUTS)
                        .file(new MockMultipartFile("photo", "notes.jpg", "image/jpeg", "hello".getBytes(StandardCharsets.UTF_8)))
                        .with(authentication(SELLER_USER)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"photo-error\"", "请选择 JPEG、PNG 或 WebP 图片");
    }

    @Test
    void theProductPageShowsItsLinkedHouseholdsMaskedAndTheLinkageVersions() throws Exception {
        when(gateway.get(any(), eq("/api/households/public/products/{id}/beneficiaries"),
                eq(io.fupin.web.storefront.Beneficiaries.class), eq(PEANUTS))).thenReturn(
                new io.fupin.web.storefront.Beneficiaries(PEANUTS, "代养鹅", 2, 1, 1, List.of(
                        new io.fupin.web.storefront.Beneficiaries.Share("王*", "REGISTERED_POOR", "新兴镇", "兴功村", 3),
                        new io.fupin.web.storefront.Beneficiaries.Share("李*", "MARGINAL", "新兴镇", "兴功村", 1))));
        when(gateway.get(any(), eq("/api/households/products/{id}/linkage/versions?size=200"),
                any(ParameterizedTypeReference.class), eq(PEANUTS))).thenReturn(new ApiPage<>(List.of(
                new SellerDesk.LinkageVersion(1, "代养鹅", Instant.parse("2026-03-01T00:00:00Z"), "seller", 4,
                        List.of(new SellerDesk.LinkageShare(WANG, "230113-0001", "王秀兰", "兴功村", 3),
                                new SellerDesk.LinkageShare(LI, "230113-0002", "李建国", "兴功村", 1)))), 0, 200, 1, 1));

        String html = mvc.perform(get("/seller/products/{id}", PEANUTS).with(authentication(SELLER_USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("代养鹅：2 户（脱贫户 1，边缘户 1）", "王*", "李*", "id=\"linkage-history\"",
                "2026-03-01 08:00", "id=\"linkage-form\"", "name=\"share-" + WANG + "\"", "王**", "230113-0001");
        assertThat(html).doesNotContain("王秀兰", "李建国");
    }

    static final UUID WANG = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID LI = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final UUID ZHAO = UUID.fromString("00000000-0000-0000-0000-0000000000a3");

    @Test
    void declaresANewLinkageVersionLeavingOutHouseholdsWithZeroAndAddingOneById() throws Exception {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        when(gateway.post(any(), eq("/api/households/products/{id}/linkage/versions"), sent.capture(), anyMap(),
                eq(SellerDesk.LinkageVersion.class), eq(PEANUTS))).thenReturn(new SellerDesk.LinkageVersion(2, "代养鹅",
                Instant.now(), "seller", 5, List.of()));

        mvc.perform(post("/seller/products/{id}/linkage", PEANUTS).with(authentication(SELLER_USER)).with(csrf())
                        .param("share-" + WANG, "3").param("share-" + LI, "0").param("newHousehold", ZHAO.toString())
                        .param("newShares", "2").param("lotName", "代养鹅").param("effectiveFrom", "2030-01-01T08:00"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/seller/products/" + PEANUTS))
                .andExpect(flash().attribute("done", "linkageDeclared"));

        assertThat(sent.getValue()).isEqualTo(new SellerDesk.LinkageDeclaration("代养鹅", Instant.parse("2030-01-01T00:00:00Z"),
                List.of(new SellerDesk.DeclaredShare(WANG, 3), new SellerDesk.DeclaredShare(ZHAO, 2))));
    }

    @Test
    void theServicesRefusalsOfALinkageAreShownBesideTheirRowsOnTheForm() throws Exception {
        when(gateway.get(any(), eq("/api/households/products/{id}/linkage/versions?size=200"),
                any(ParameterizedTypeReference.class), eq(PEANUTS))).thenReturn(new ApiPage<>(List.of(
                new SellerDesk.LinkageVersion(1, "代养鹅", Instant.parse("2026-03-01T00:00:00Z"), "seller", 4,
                        List.of(new SellerDesk.LinkageShare(WANG, "230113-0001", "王秀兰", "兴功村", 3),
                                new SellerDesk.LinkageShare(LI, "230113-0002", "李建国", "兴功村", 1)))), 0, 200, 1, 1));
        when(gateway.post(any(), eq("/api/households/products/{id}/linkage/versions"), any(), anyMap(),
                eq(SellerDesk.LinkageVersion.class), eq(PEANUTS))).thenThrow(new ApiProblem(400, "invalid-request",
                "invalid input", List.of(new ApiProblem.FieldError("shares[1].householdId", "household has left the register"),
                new ApiProblem.FieldError("effectiveFrom", "must not be in the past"))));

        String html = mvc.perform(post("/seller/products/{id}/linkage", PEANUTS).with(authentication(SELLER_USER)).with(csrf())
                        .param("share-" + WANG, "3").param("share-" + LI, "1").param("effectiveFrom", "2020-01-01T08:00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"share-" + LI + "-error\"", "该户已退出登记", "id=\"effectiveFrom-error\"",
                "生效时间不能早于现在", "value=\"2020-01-01T08:00\"");
        assertThat(html).doesNotContain("id=\"share-" + WANG + "-error\"");
    }

    @Test
    void aLinkageWithNoHouseholdLeftIsRefusedOnTheFormAndASharesTypoBesideItsRow() throws Exception {
        when(gateway.post(any(), eq("/api/households/products/{id}/linkage/versions"), any(), anyMap(),
                eq(SellerDesk.LinkageVersion.class), eq(PEANUTS))).thenThrow(new ApiProblem(400, "invalid-request",
                "invalid input", List.of(new ApiProblem.FieldError("shares", "at least one household must share in the product"))));

        String none = mvc.perform(post("/seller/products/{id}/linkage", PEANUTS).with(authentication(SELLER_USER)).with(csrf())
                        .param("share-" + WANG, "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String typo = mvc.perform(post("/seller/products/{id}/linkage", PEANUTS).with(authentication(SELLER_USER)).with(csrf())
                        .param("share-" + WANG, "三").param("newHousehold", "王家"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(none).contains("id=\"shares-error\"", "至少要有一户农户的份额大于 0");
        assertThat(typo).contains("id=\"newHousehold-error\"", "id=\"newShares-error\"");
        verify(gateway, org.mockito.Mockito.times(1)).post(any(), eq("/api/households/products/{id}/linkage/versions"),
                any(), anyMap(), eq(SellerDesk.LinkageVersion.class), eq(PEANUTS));
    }

    static SellerDesk.SalesFigures figures(UUID product, long sold, long refunded, long cost, long held, long payable,
            long inPayout, long paidOut) {
        long net = sold - refunded - cost;
        return new SellerDesk.SalesFigures(product, 2, 5, 1, sold, refunded, cost, net, held, payable, inPayout, paidOut,
                net - held - payable - inPayout - paidOut);
    }

    @Test
    void showsTheSalesOfTheChosenDaysPerProductFromSettlement() throws Exception {
        LocalDate from = LocalDate.parse("2026-11-01");
        LocalDate to = LocalDate.parse("2026-11-30");
        when(gateway.get(any(), eq("/api/settlements/sales?from={from}&to={to}"), eq(SellerDesk.Sales.class), eq(from),
                eq(to))).thenReturn(new SellerDesk.Sales(from, to,
                List.of(figures(PEANUTS, 9950, 1990, 250, 1990, 1990, 1990, 1740)),
                figures(null, 9950, 1990, 250, 1990, 1990, 1990, 1740)));

        String html = mvc.perform(get("/seller/sales").param("firstDay", "2026-11-01").param("lastDay", "2026-11-30")
                        .with(authentication(SELLER_USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("销售与结算", "翠小妹花生", "¥99.50", "¥19.90", "¥2.50", "¥77.10", "¥17.40",
                "data-fen=\"7710\"", "5（退 1）", "id=\"sales-total\"", "value=\"2026-11-01\"");
    }

    @Test
    void withoutDaysShowsThisMonthSoFar() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        when(gateway.get(any(), eq("/api/settlements/sales?from={from}&to={to}"), eq(SellerDesk.Sales.class), any(),
                any())).thenReturn(new SellerDesk.Sales(today.withDayOfMonth(1), today, List.of(),
                figures(null, 0, 0, 0, 0, 0, 0, 0)));

        String html = mvc.perform(get("/seller/sales").with(authentication(SELLER_USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        verify(gateway).get(any(), eq("/api/settlements/sales?from={from}&to={to}"), eq(SellerDesk.Sales.class),
                eq(today.withDayOfMonth(1)), eq(today));
        assertThat(html).contains("id=\"no-sales\"");
    }

    @Test
    void aRangeTheApiRefusesIsNamedBesideTheLastDay() throws Exception {
        when(gateway.get(any(), eq("/api/settlements/sales?from={from}&to={to}"), eq(SellerDesk.Sales.class), any(),
                any())).thenThrow(new ApiProblem(400, "invalid-request", "must not be before the first day",
                List.of(new ApiProblem.FieldError("lastDay", "must not be before the first day"))));

        String html = mvc.perform(get("/seller/sales").param("firstDay", "2026-11-30").param("lastDay", "2026-11-01")
                        .with(authentication(SELLER_USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"lastDay-error\"", "请填写截止日期，不早于起始日期", "value=\"2026-11-01\"");
    }

    @Test
    void aDayThatIsNotADateIsNamedAndNothingIsAsked() throws Exception {
        String html = mvc.perform(get("/seller/sales").param("firstDay", "十一月").param("lastDay", "2026-11-30")
                        .with(authentication(SELLER_USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"firstDay-error\"", "value=\"十一月\"");
        verify(gateway, never()).get(any(), eq("/api/settlements/sales?from={from}&to={to}"),
                eq(SellerDesk.Sales.class), any(), any());
    }

    @Test
    void settlementDownSaysSoAndTheFormStays() throws Exception {
        when(gateway.get(any(), eq("/api/settlements/sales?from={from}&to={to}"), eq(SellerDesk.Sales.class), any(),
                any())).thenThrow(new ServiceDown("settlements", "no answer", null));

        String html = mvc.perform(get("/seller/sales").with(authentication(SELLER_USER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("结算服务", "id=\"firstDay\"");
    }
}
