package io.fupin.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fupin.catalog.seller.SellerId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProductTests {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-28");

    @Test
    void costMayNeverExceedThePriceAndNeedsAReason() {
        assertThatThrownBy(() -> draft(new Product.Pricing(1000, 1001, "freight"))).isInstanceOf(CostAbovePrice.class);
        assertThatThrownBy(() -> draft(new Product.Pricing(1000, 100, " "))).isInstanceOf(MissingCostReason.class);
        assertThat(draft(new Product.Pricing(1000, 0, null)).status()).isEqualTo(ProductStatus.DRAFT);
    }

    @Test
    void goesOnSaleOnlyThroughAnApprovedCertificationValidToday() {
        Product product = draft(new Product.Pricing(1000, 0, null));
        assertThatThrownBy(() -> product.approveCertification(TODAY, NOW)).isInstanceOf(IllegalTransition.class);
        product.requestCertification(certificate(TODAY.plusDays(1), TODAY.plusYears(1)), TODAY, NOW);
        assertThatThrownBy(() -> product.approveCertification(TODAY, NOW))
                .as("not valid before validFrom").isInstanceOf(IllegalTransition.class);
        product.approveCertification(TODAY.plusDays(1), NOW);
        assertThat(product.status()).isEqualTo(ProductStatus.ON_SALE);
    }

    @Test
    void anExpiredCertificateTakesItOffSaleOnce() {
        Product product = draft(new Product.Pricing(1000, 0, null));
        product.requestCertification(certificate(TODAY.minusDays(10), TODAY), TODAY, NOW);
        product.approveCertification(TODAY, NOW);

        assertThat(product.expireCertificate(TODAY, NOW)).as("valid all of its last day").isFalse();
        assertThat(product.expireCertificate(TODAY.plusDays(1), NOW)).isTrue();
        assertThat(product.status()).isEqualTo(ProductStatus.CERTIFICATION_EXPIRED);
        assertThat(product.expireCertificate(TODAY.plusDays(2), NOW)).isFalse();
    }

    @Test
    void refusesCertificatesThatEndBeforeTheyStartOrHaveExpired() {
        Product product = draft(new Product.Pricing(1000, 0, null));
        assertThatThrownBy(() -> product.requestCertification(certificate(TODAY, TODAY.minusDays(1)), TODAY, NOW))
                .isInstanceOf(InvalidCertificate.class);
        assertThatThrownBy(() -> product.requestCertification(certificate(TODAY.minusYears(2), TODAY.minusDays(1)), TODAY, NOW))
                .isInstanceOf(InvalidCertificate.class);
        assertThat(product.status()).isEqualTo(ProductStatus.DRAFT);
    }

    @Test
    void repricingStartsANewVersion() {
        Product product = draft(new Product.Pricing(1000, 0, null));
        product.reprice(new Product.Pricing(1200, 100, "freight"), NOW);
        assertThat(product.priceVersion()).isEqualTo(2);
        assertThat(product.priceFen()).isEqualTo(1200);
    }

    private static Certificate certificate(LocalDate from, LocalDate until) {
        return new Certificate("FP-1", "扶贫办", from, until);
    }

    private static Product draft(Product.Pricing pricing) {
        return Product.draft(new SellerId(UUID.randomUUID()), "岗子峪米业", "双城镇",
                new Product.Details("稻花香大米", ProductCategory.RICE, null, null, "5 kg bag", "兴功村", null), pricing, 10, NOW);
    }
}
