package io.fupin.household.presale;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Presale offers, and the subscriptions counted against each offering household and product. The place of an
 * offer is its household's village: the lists join the register's {@code household} table for it.
 */
interface Offers extends ListCrudRepository<PresaleOffer, OfferId> {

    /** An open offer with its distinct subscribers, as the lists show it. */
    record OpenOffer(OfferId offerId, UUID householdId, UUID productId, String description, LocalDate deliveryDate,
            String status, long subscribers) {
    }

    /** A page of the open offers of households in these villages (not empty), by delivery date, oldest first. */
    @Query("""
            SELECT o.id AS offer_id, o.household_id, o.product_id, o.description, o.delivery_date, o.status,
              (SELECT COUNT(*) FROM presale_subscription s
               WHERE s.household_id = o.household_id AND s.product_id = o.product_id) AS subscribers
            FROM presale_offer o JOIN household h ON h.id = o.household_id
            WHERE o.status = 'OPEN' AND h.village_id IN (:villages)
            ORDER BY o.delivery_date, o.offered_at, o.id LIMIT :limit OFFSET :offset""")
    List<OpenOffer> openIn(Collection<UUID> villages, int limit, long offset);

    @Query("""
            SELECT COUNT(*) FROM presale_offer o JOIN household h ON h.id = o.household_id
            WHERE o.status = 'OPEN' AND h.village_id IN (:villages)""")
    long countOpenIn(Collection<UUID> villages);

    /**
     * A page of the villages among these (not empty) where a household has an open offer nobody has subscribed to,
     * by town and village name.
     */
    @Query("""
            SELECT h.village_id FROM presale_offer o JOIN household h ON h.id = o.household_id
            JOIN place v ON v.id = h.village_id JOIN place t ON t.id = v.parent_id
            WHERE o.status = 'OPEN' AND h.village_id IN (:villages) AND NOT EXISTS (SELECT 1 FROM presale_subscription s
              WHERE s.household_id = o.household_id AND s.product_id = o.product_id)
            GROUP BY h.village_id, t.name, v.name
            ORDER BY t.name COLLATE utf8mb4_bin, v.name COLLATE utf8mb4_bin, h.village_id
            LIMIT :limit OFFSET :offset""")
    List<UUID> villagesWithoutSubscribers(Collection<UUID> villages, int limit, long offset);

    @Query("""
            SELECT COUNT(DISTINCT h.village_id) FROM presale_offer o JOIN household h ON h.id = o.household_id
            WHERE o.status = 'OPEN' AND h.village_id IN (:villages) AND NOT EXISTS (SELECT 1 FROM presale_subscription s
              WHERE s.household_id = o.household_id AND s.product_id = o.product_id)""")
    long countVillagesWithoutSubscribers(Collection<UUID> villages);

    /** The open offers nobody has subscribed to of households in these villages (not empty), by delivery date. */
    @Query("""
            SELECT o.id AS offer_id, o.household_id, o.product_id, o.description, o.delivery_date, o.status,
              0 AS subscribers
            FROM presale_offer o JOIN household h ON h.id = o.household_id
            WHERE o.status = 'OPEN' AND h.village_id IN (:villages) AND NOT EXISTS (SELECT 1 FROM presale_subscription s
              WHERE s.household_id = o.household_id AND s.product_id = o.product_id)
            ORDER BY o.delivery_date, o.offered_at, o.id""")
    List<OpenOffer> withoutSubscribersIn(Collection<UUID> villages);

    /** Makes the buyer a subscriber of the household for the product; a buyer subscribes once, whatever it buys. */
    @Modifying
    @Query("""
            INSERT IGNORE INTO presale_subscription (household_id, product_id, buyer_id, first_order_id, subscribed_at)
            VALUES (:householdId, :productId, :buyerId, :orderId, :at)""")
    void subscribe(UUID householdId, UUID productId, String buyerId, UUID orderId, Instant at);

    @Query("SELECT COUNT(*) FROM presale_subscription WHERE household_id = :householdId AND product_id = :productId")
    long countSubscribers(UUID householdId, UUID productId);

    @Query("SELECT COUNT(DISTINCT buyer_id) FROM presale_subscription WHERE household_id = :householdId")
    long countDistinctSubscribers(UUID householdId);

    /** A product's distinct subscribers. */
    record ProductSubscribers(UUID productId, long subscribers) {
    }

    @Query("""
            SELECT product_id, COUNT(*) AS subscribers FROM presale_subscription WHERE household_id = :householdId
            GROUP BY product_id ORDER BY product_id""")
    List<ProductSubscribers> subscribersByProduct(UUID householdId);
}
