package io.fupin.household.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.RegisterRows;
import io.fupin.household.agreement.PurchaseAgreements.NewAgreement;
import io.fupin.support.testing.RepositorySlice;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Purchase agreements and their deliveries on the real MariaDB; every test rolls back. */
@RepositorySlice
class AgreementsTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Autowired
    Agreements agreements;
    @Autowired
    JdbcClient jdbc;

    UUID household;

    @BeforeEach
    void household() {
        UUID village = RegisterRows.village(jdbc, NOW);
        household = RegisterRows.household(jdbc, village, NOW);
    }

    @Test
    void keepsTheDeliveriesWithTheirAgreement() {
        PurchaseAgreement agreement = agreements.save(agreement(TODAY.minusMonths(1)));
        PurchaseAgreement locked = agreements.findLockedById(agreement.id()).orElseThrow();
        locked.deliver(TODAY, 20, "第一批", "official-1", NOW);
        agreements.save(locked);
        locked = agreements.findLockedById(agreement.id()).orElseThrow();
        locked.deliver(TODAY.minusDays(3), 10, "", "official-1", NOW.plusSeconds(1));
        agreements.save(locked);

        PurchaseAgreement read = agreements.findById(agreement.id()).orElseThrow();
        assertThat(read.deliveries()).extracting(PurchaseDelivery::deliveredOn)
                .containsExactly(TODAY.minusDays(3), TODAY);
        assertThat(read.deliveredQuantity()).isEqualTo(30);
        assertThat(read.deliveredValueFen()).isEqualTo(30 * 12_000);
        assertThat(read.remainingQuantity()).isEqualTo(20);
        assertThat(read.deliveredPercent()).isEqualByComparingTo("60.0");
        assertThat(read.sellerId()).isNotNull();
    }

    @Test
    void pagesAHouseholdsAgreementsInTheDatabase() {
        PurchaseAgreement later = agreements.save(agreement(TODAY));
        PurchaseAgreement earlier = agreements.save(agreement(TODAY.minusMonths(2)));
        PurchaseAgreement middle = agreements.save(agreement(TODAY.minusMonths(1)));
        Sort order = Sort.by("validFrom", "recordedAt");

        assertThat(agreements.findByHouseholdId(household, PageRequest.of(0, 2, order)))
                .extracting(PurchaseAgreement::id).containsExactly(earlier.id(), middle.id());
        assertThat(agreements.findByHouseholdId(household, PageRequest.of(1, 2, order)))
                .extracting(PurchaseAgreement::id).containsExactly(later.id());
        assertThat(agreements.countByHouseholdId(household)).isEqualTo(3);
        assertThat(agreements.countByHouseholdId(UUID.randomUUID())).isZero();
    }

    private PurchaseAgreement agreement(LocalDate from) {
        return PurchaseAgreement.record(AgreementId.next(), new NewAgreement(household, " 哈尔滨奇鑫米业有限公司 ",
                UUID.randomUUID(), null, "大鹅", "活重 4 公斤以上", "只", 12_000L, 50L, from, from.plusYears(1)),
                "official-1", NOW);
    }
}
