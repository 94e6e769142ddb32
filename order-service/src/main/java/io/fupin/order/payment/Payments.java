package io.fupin.order.payment;

import io.fupin.order.checkout.OrderId;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface Payments extends ListCrudRepository<Payment, UUID> {

    List<Payment> findByOrderId(OrderId orderId);
}
