package io.fupin.web.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.fupin.web.PageTest;
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.storefront.Beneficiaries;
import io.fupin.web.storefront.Product;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@PageTest
class TracePagesTests {

    static final UUID GOOSE = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-00000000d001");

    @Autowired
    MockMvc mvc;

    @Autowired
    Gateway gateway;

    private void productIs(String status, String reason) {
        LocalDate today = LocalDate.now();
        when(gateway.get(isNull(), eq("/api/catalog/products/{id}"), eq(Product.class), eq(GOOSE))).thenReturn(
                new Product(GOOSE, UUID.randomUUID(), "兴功村养鹅合作社", "兴功大鹅", "POULTRY", "兴功", "", "只", 12000, 1000,
                        "冷链运费", 5, "新兴镇", "兴功村", null,
                        new Product.Certificate("FP-2026-0042", "哈尔滨市双城区扶贫办", today.minusDays(10), today.plusDays(100)),
                        status, reason, null));
        when(gateway.get(isNull(), eq("/api/households/public/products/{id}/beneficiaries"), eq(Beneficiaries.class),
                eq(GOOSE))).thenReturn(new Beneficiaries(GOOSE, "代养鹅 700 只", 3, 2, 1, List.of(
                        new Beneficiaries.Share("王**", "REGISTERED_POOR", "新兴镇", "兴功村", 2),
                        new Beneficiaries.Share("李**", "REGISTERED_POOR", "新兴镇", "兴功村", 1),
                        new Beneficiaries.Share("张*", "MARGINAL", "新兴镇", "兴功村", 1))));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void saysAtOnceThatACertificateWasRevoked() throws Exception {
        productIs("REVOKED", "抽检不合格");

        String html = page("/trace/p/" + GOOSE);

        assertThat(html).contains("此商品的扶贫产品认定已被撤销", "抽检不合格", "FP-2026-0042", "王**", "脱贫户 2 户，边缘户 1 户")
                .containsPattern("class=\"certificate-banner revoked\"[^>]*role=\"alert\"");
    }

    @Test
    void showsEachHouseholdsFenOfACompletedLineAddingUpToItsNet() throws Exception {
        productIs("ON_SALE", null);
        when(gateway.get(isNull(), eq("/api/settlements/public/orders/{o}/products/{p}"), eq(LineTrace.class),
                eq(ORDER), eq(GOOSE))).thenReturn(new LineTrace(2, 0, 12000, 1000, 24000, 2000, 22000, 0,
                        Instant.now(), Instant.now(), new LineTrace.Stages(0, 22000, 0, 0), List.of(
                                new LineTrace.Share("王**", "REGISTERED_POOR", "新兴镇", "兴功村", 11000),
                                new LineTrace.Share("李**", "REGISTERED_POOR", "新兴镇", "兴功村", 5500),
                                new LineTrace.Share("张*", "MARGINAL", "新兴镇", "兴功村", 5500))));

        String html = page("/trace/l/" + ORDER + "/" + GOOSE);

        assertThat(html).contains("id=\"line-net\" data-fen=\"22000\"", "¥110.00", "¥55.00",
                "id=\"allocations-total\" data-fen=\"22000\"", "¥220.00");
    }

    @Test
    void answers404ForALineSettlementNeverSaw() throws Exception {
        productIs("ON_SALE", null);
        when(gateway.get(isNull(), eq("/api/settlements/public/orders/{o}/products/{p}"), eq(LineTrace.class),
                any(), any())).thenThrow(new ApiProblem(404, "not-found", "No paid line", List.of()));

        mvc.perform(get("/trace/l/" + UUID.randomUUID() + "/" + GOOSE)).andExpect(status().isNotFound());
    }

    @Test
    void drawsAQrCodeThatReadsBackAsThePublicAddressOfThePage() throws Exception {
        byte[] png = mvc.perform(get("/trace/p/" + GOOSE + "/qr.png")).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG)).andReturn().getResponse().getContentAsByteArray();

        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png)))))).getText();

        assertThat(decoded).isEqualTo("http://localhost:8080/trace/p/" + GOOSE);
    }
}
