package io.fupin.household.presale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fupin.household.RegisterRows;
import io.fupin.household.presale.Offers.OpenOffer;
import io.fupin.household.presale.Offers.ProductSubscribers;
import io.fupin.support.testing.RepositorySlice;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Presale offers and their subscribers on the real MariaDB; every test rolls back. */
@RepositorySlice
class OffersTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final LocalDate HARVEST = LocalDate.of(2027, 9, 1);

    @Autowired
    Offers offers;
    @Autowired
    JdbcClient jdbc;

    UUID town;
    UUID xinggong;
    UUID yongsheng;
    UUID product = UUID.randomUUID();

    @BeforeEach
    void places() {
        UUID district = place("DISTRICT", "区", null);
        town = place("TOWN", "镇", district);
        // named so that their order by name is the opposite of their creation
        yongsheng = place("VILLAGE", "永胜村", town);
        xinggong = place("VILLAGE", "兴功村", town);
    }

    @Test
    void keepsAnOfferAndItsWithdrawal() {
        UUID household = household(xinggong);
        PresaleOffer offer = offers.save(PresaleOffer.make(household, product, " 秋季大鹅 20 只 ", HARVEST, "official-1", NOW));

        PresaleOffer read = offers.findById(offer.id()).orElseThrow();
        assertThat(read.description()).isEqualTo("秋季大鹅 20 只");
        assertThat(read.deliveryDate()).isEqualTo(HARVEST);
        assertThat(read.status()).isEqualTo(PresaleOffer.Status.OPEN);
        assertThat(read.offeredBy()).isEqualTo("official-1");
        read.withdraw();
        offers.save(read);

        assertThat(offers.findById(offer.id()).orElseThrow().status()).isEqualTo(PresaleOffer.Status.WITHDRAWN);
        assertThat(offers.countOpenIn(List.of(xinggong))).isZero();
        assertThatThrownBy(() -> offers.save(PresaleOffer.make(household, product, "again", HARVEST, "official-1", NOW)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void pagesOpenOffersInTheirVillagesByDeliveryDateWithDistinctSubscribers() {
        UUID a = household(xinggong);
        UUID b = household(xinggong);
        UUID c = household(yongsheng);
        PresaleOffer late = offers.save(PresaleOffer.make(a, product, "鹅", HARVEST.plusDays(30), "official-1", NOW));
        PresaleOffer early = offers.save(PresaleOffer.make(b, product, "鹅", HARVEST, "official-1", NOW));
        PresaleOffer middle = offers.save(PresaleOffer.make(c, product, "鹅", HARVEST.plusDays(7), "official-1", NOW));
        offers.subscribe(b, product, "consumer-9", UUID.randomUUID(), NOW);
        offers.subscribe(b, product, "consumer-9", UUID.randomUUID(), NOW.plusSeconds(1));
        offers.subscribe(b, product, "company-3", UUID.randomUUID(), NOW);

        List<OpenOffer> first = offers.openIn(List.of(xinggong, yongsheng), 2, 0);
        assertThat(first).extracting(OpenOffer::offerId).containsExactly(early.id(), middle.id());
        assertThat(first).extracting(OpenOffer::subscribers).containsExactly(2L, 0L);
        assertThat(first.getFirst().deliveryDate()).isEqualTo(HARVEST);
        assertThat(first.getFirst().status()).isEqualTo("OPEN");
        assertThat(offers.openIn(List.of(xinggong, yongsheng), 2, 2)).extracting(OpenOffer::offerId)
                .containsExactly(late.id());
        assertThat(offers.openIn(List.of(xinggong), 10, 0)).extracting(OpenOffer::offerId)
                .containsExactly(early.id(), late.id());
        assertThat(offers.countOpenIn(List.of(xinggong, yongsheng))).isEqualTo(3);
        assertThat(offers.countOpenIn(List.of(UUID.randomUUID()))).isZero();
    }

    @Test
    void pagesTheVillagesWithOffersNobodySubscribedToByName() {
        UUID a = household(xinggong);
        UUID b = household(xinggong);
        UUID c = household(yongsheng);
        UUID subscribed = household(yongsheng);
        PresaleOffer ofA = offers.save(PresaleOffer.make(a, product, "鹅", HARVEST, "official-1", NOW));
        offers.save(PresaleOffer.make(b, product, "鹅", HARVEST.plusDays(1), "official-1", NOW));
        PresaleOffer ofC = offers.save(PresaleOffer.make(c, product, "鹅", HARVEST, "official-1", NOW));
        offers.save(PresaleOffer.make(subscribed, product, "鹅", HARVEST, "official-1", NOW));
        offers.subscribe(subscribed, product, "consumer-9", UUID.randomUUID(), NOW);
        List<UUID> both = List.of(yongsheng, xinggong);

        assertThat(offers.villagesWithoutSubscribers(both, 1, 0)).containsExactly(xinggong);
        assertThat(offers.villagesWithoutSubscribers(both, 1, 1)).containsExactly(yongsheng);
        assertThat(offers.countVillagesWithoutSubscribers(both)).isEqualTo(2);
        assertThat(offers.withoutSubscribersIn(List.of(yongsheng))).extracting(OpenOffer::offerId)
                .containsExactly(ofC.id());
        assertThat(offers.withoutSubscribersIn(List.of(xinggong))).extracting(OpenOffer::householdId)
                .containsExactly(a, b);

        offers.subscribe(c, product, "school-1", UUID.randomUUID(), NOW);
        PresaleOffer withdrawn = offers.findById(ofA.id()).orElseThrow();
        withdrawn.withdraw();
        offers.save(withdrawn);
        assertThat(offers.villagesWithoutSubscribers(both, 10, 0)).containsExactly(xinggong);
        assertThat(offers.withoutSubscribersIn(List.of(xinggong))).extracting(OpenOffer::householdId).containsExactly(b);
    }

    @Test
    void countsEachBuyerOncePerHouseholdAndProduct() {
        UUID household = household(xinggong);
        UUID other = UUID.randomUUID();
        offers.subscribe(household, product, "consumer-9", UUID.randomUUID(), NOW);
        offers.subscribe(household, product, "consumer-9", UUID.randomUUID(), NOW);
        offers.subscribe(household, other, "consumer-9", UUID.randomUUID(), NOW);
        offers.subscribe(household, other, "company-3", UUID.randomUUID(), NOW);

        assertThat(offers.countSubscribers(household, product)).isEqualTo(1);
        assertThat(offers.countSubscribers(household, other)).isEqualTo(2);
        assertThat(offers.countDistinctSubscribers(household)).isEqualTo(2);
        assertThat(offers.subscribersByProduct(household)).containsExactlyInAnyOrder(
                new ProductSubscribers(product, 1), new ProductSubscribers(other, 2));
    }

    private UUID place(String kind, String name, UUID parent) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO place (id, kind, name, parent_id, parent_key, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id.toString(), kind, name + id, parent == null ? null : parent.toString(),
                        (parent == null ? id : parent).toString(), Timestamp.from(NOW)).update();
        return id;
    }

    private UUID household(UUID village) {
        return RegisterRows.household(jdbc, village, NOW);
    }
}
