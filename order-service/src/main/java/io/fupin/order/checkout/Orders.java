package io.fupin.order.checkout;

import io.fupin.order.stock.ProductId;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Orders extends ListCrudRepository<Order, OrderId> {

    @Query("SELECT id FROM orders WHERE status = 'PENDING_PAYMENT' AND payment_due_at <= :asOf ORDER BY payment_due_at LIMIT :max")
    List<OrderId> findIdsDueForPayment(Instant asOf, int max);

    @Query("SELECT id FROM orders WHERE status = 'SHIPPED' AND shipped_at <= :before ORDER BY shipped_at LIMIT :max")
    List<OrderId> findIdsShippedBefore(Instant before, int max);

    @Query("SELECT id FROM orders WHERE status = 'DELIVERED' AND delivered_at <= :before ORDER BY delivered_at LIMIT :max")
    List<OrderId> findIdsDeliveredBefore(Instant before, int max);

    @Query("""
            SELECT o.* FROM orders o WHERE o.status = 'PAID' AND EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id
            AND l.product_id = :productId AND l.seller_id = :sellerId AND l.presale_delivery_date IS NOT NULL
            AND l.shipped_at IS NULL AND l.quantity > l.refunded_quantity) FOR UPDATE""")
    List<Order> findPaidPresale(ProductId productId, String sellerId);
}
