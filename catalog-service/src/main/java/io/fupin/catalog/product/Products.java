package io.fupin.catalog.product;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

public interface Products extends ListCrudRepository<Product, UUID> {

    List<Product> findByStatusOrderByCreatedAtDesc(ProductStatus status, Pageable page);

    long countByStatus(ProductStatus status);
}
