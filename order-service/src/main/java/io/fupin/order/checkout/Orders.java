package io.fupin.order.checkout;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface Orders extends ListCrudRepository<Order, UUID> {
}
