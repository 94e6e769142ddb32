package io.fupin.household.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fupin.household.RegisterRows;
import io.fupin.household.common.InvalidInput;
import io.fupin.household.linkage.BenefitLinkage.LinkageShare;
import io.fupin.household.linkage.BenefitLinkages.HouseholdShare;
import io.fupin.household.linkage.LinkageEvent.Share;
import io.fupin.support.testing.RepositorySlice;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Benefit linkages with their versions and shares on the real MariaDB; every test rolls back. */
@RepositorySlice
class LinkagesTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    Linkages linkages;
    @Autowired
    JdbcClient jdbc;

    UUID village;
    UUID first;
    UUID second;
    UUID product = UUID.randomUUID();
    UUID seller = UUID.randomUUID();

    @BeforeEach
    void households() {
        village = RegisterRows.village(jdbc, NOW);
        first = household();
        second = household();
    }

    @Test
    void keepsEachVersionWithItsSharesUnderItsNumber() {
        BenefitLinkage linkage = BenefitLinkage.start(product, seller, NOW);
        linkage.declare("兴功村700只鹅", NOW, List.of(new Share(first, 2), new Share(second, 1)),
                "official-1", NOW);
        linkages.save(linkage);
        BenefitLinkage next = linkages.findLockedByProductId(product).orElseThrow();
        assertThat(next.declare(null, NOW.plus(Duration.ofDays(30)), List.of(new Share(second, 5)),
                "seller-1", NOW.plusSeconds(1))).isEqualTo(2);
        linkages.save(next);

        BenefitLinkage read = linkages.findByProductId(product).orElseThrow();
        assertThat(read.sellerId()).isEqualTo(seller);
        assertThat(read.versions()).extracting(BenefitLinkage.Version::version).containsExactly(1, 2);
        BenefitLinkage.Version one = read.versions().getFirst();
        assertThat(one.lotName()).isEqualTo("兴功村700只鹅");
        assertThat(read.sharesOf(one)).containsExactlyInAnyOrder(
                new LinkageShare(1, first, 2), new LinkageShare(1, second, 1));
        assertThat(read.sharesOf(read.versions().getLast())).containsExactly(new LinkageShare(2, second, 5));
        assertThat(read.versions().getLast().declaredBy()).isEqualTo("seller-1");
        assertThat(read.inForceAt(NOW.plus(Duration.ofDays(1))).orElseThrow().version()).isEqualTo(1);
        assertThat(read.inForceAt(NOW.plus(Duration.ofDays(30))).orElseThrow().version()).isEqualTo(2);
        assertThat(read.inForceAt(NOW.minusSeconds(1))).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM benefit_linkage_share s JOIN benefit_linkage l ON l.id = s.linkage_id"
                + " WHERE l.product_id = ?").param(product.toString()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void refusesAVersionStartingBeforeTheLatestOrInThePast() {
        BenefitLinkage linkage = BenefitLinkage.start(product, seller, NOW);
        linkage.declare(null, NOW.plusSeconds(60), List.of(new Share(first, 1)), "official-1", NOW);
        linkages.save(linkage);
        BenefitLinkage read = linkages.findByProductId(product).orElseThrow();

        assertThat(read.refusesStart(NOW.minusSeconds(1), NOW)).extracting(InvalidInput.Violation::message)
                .containsExactly("must not be in the past: payments already made keep the version then in force",
                        "must be after version 1's effectiveFrom " + NOW.plusSeconds(60));
        assertThatThrownBy(() -> read.declare(null, NOW.plusSeconds(60), List.of(new Share(first, 1)),
                "official-1", NOW)).isInstanceOf(InvalidInput.class);
        assertThat(read.refusesStart(NOW.plusSeconds(61), NOW)).isEmpty();
    }

    @Test
    void aLinkagePassesToTheProductsSellerKeepingItsVersions() {
        BenefitLinkage linkage = BenefitLinkage.start(product, UUID.randomUUID(), NOW);
        linkage.declare(null, NOW, List.of(new Share(first, 1)), "official-1", NOW);
        linkages.save(linkage);
        BenefitLinkage read = linkages.findLockedByProductId(product).orElseThrow();
        read.passTo(seller);
        linkages.save(read);

        BenefitLinkage passed = linkages.findByProductId(product).orElseThrow();
        assertThat(passed.sellerId()).isEqualTo(seller);
        assertThat(passed.sharesOf(passed.versions().getFirst())).containsExactly(new LinkageShare(1, first, 1));
    }

    @Test
    void answersWhichHouseholdsASellersProductsAreLinkedTo() {
        BenefitLinkage linkage = BenefitLinkage.start(product, seller, NOW);
        linkage.declare(null, NOW, List.of(new Share(first, 1)), "official-1", NOW);
        linkage.declare(null, NOW.plusSeconds(60), List.of(new Share(second, 1)), "official-1", NOW);
        linkages.save(linkage);

        assertThat(linkages.householdsLinkedTo(seller)).containsExactlyInAnyOrder(first, second);
        assertThat(linkages.householdsLinkedTo(UUID.randomUUID())).isEmpty();
        assertThat(linkages.isLinked(seller, second)).isTrue();
        assertThat(linkages.isLinked(UUID.randomUUID(), second)).isFalse();
    }

    @Test
    void aHouseholdsSharesAreThoseOfEachProductsVersionInForce() {
        BenefitLinkage linkage = BenefitLinkage.start(product, seller, NOW);
        linkage.declare("first lot", NOW, List.of(new Share(first, 2), new Share(second, 3)),
                "official-1", NOW);
        linkage.declare("second lot", NOW.plusSeconds(60), List.of(new Share(second, 1)), "official-1", NOW);
        linkages.save(linkage);

        assertThat(linkages.sharesOf(first, NOW.plusSeconds(1), 10, 0)).containsExactly(
                new HouseholdShare(product, seller, "first lot", 1, 2, 5));
        assertThat(linkages.sharesOf(first, NOW.plusSeconds(60), 10, 0)).isEmpty();
        assertThat(linkages.countSharesOf(first, NOW.plusSeconds(60))).isZero();
        assertThat(linkages.sharesOf(second, NOW.plusSeconds(60), 10, 0)).containsExactly(
                new HouseholdShare(product, seller, "second lot", 2, 1, 1));
    }

    @Test
    void pagesAHouseholdsSharesByProductInTheDatabase() {
        List<UUID> products = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID each = UUID.randomUUID();
            BenefitLinkage linkage = BenefitLinkage.start(each, seller, NOW);
            linkage.declare(null, NOW, List.of(new Share(first, i + 1), new Share(second, 1)), "official-1", NOW);
            linkages.save(linkage);
            products.add(each);
        }
        products.sort(Comparator.comparing(UUID::toString));

        assertThat(linkages.sharesOf(first, NOW, 2, 0)).extracting(HouseholdShare::productId)
                .containsExactly(products.get(0), products.get(1));
        assertThat(linkages.sharesOf(first, NOW, 2, 2)).extracting(HouseholdShare::productId)
                .containsExactly(products.get(2));
        assertThat(linkages.countSharesOf(first, NOW)).isEqualTo(3);
        assertThat(linkages.countSharesOf(first, NOW.minusSeconds(1))).isZero();
    }

    @Test
    void pagesALinkagesVersionsOldestFirstWithTheirSharesInTheDatabase() {
        BenefitLinkage linkage = BenefitLinkage.start(product, seller, NOW);
        for (int i = 0; i < 3; i++) {
            linkage.declare("lot " + i, NOW.plusSeconds(i), List.of(new Share(first, i + 1), new Share(second, 1)),
                    "official-1", NOW);
        }
        linkages.save(linkage);

        Linkages.Heading heading = linkages.findHeadingByProductId(product).orElseThrow();
        assertThat(heading).isEqualTo(new Linkages.Heading(linkage.id(), product, seller));
        assertThat(linkages.versionsOf(heading.id(), 2, 0)).extracting(BenefitLinkage.Version::lotName)
                .containsExactly("lot 0", "lot 1");
        assertThat(linkages.versionsOf(heading.id(), 2, 2)).extracting(BenefitLinkage.Version::version)
                .containsExactly(3);
        assertThat(linkages.countVersionsOf(heading.id())).isEqualTo(3);
        assertThat(linkages.sharesOf(heading.id(), List.of(1, 3))).containsExactlyInAnyOrder(
                new LinkageShare(1, first, 1), new LinkageShare(1, second, 1),
                new LinkageShare(3, first, 3), new LinkageShare(3, second, 1));
        assertThat(linkages.findHeadingByProductId(UUID.randomUUID())).isEmpty();
    }

    private UUID household() {
        return RegisterRows.household(jdbc, village, NOW);
    }
}
