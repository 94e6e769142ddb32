package io.fupin.catalog.product;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

interface Products extends ListCrudRepository<Product, UUID> {

    List<Product> findAllByOrderByChangedAtDescIdAsc(Pageable page);

    List<Product> findByStatusOrderByChangedAtDescIdAsc(ProductStatus status, Pageable page);

    List<Product> findBySellerIdAndStatusOrderByChangedAtDescIdAsc(UUID sellerId, ProductStatus status, Pageable page);

    List<Product> findBySellerIdOrderByChangedAtDescIdAsc(UUID sellerId, Pageable page);

    long countByStatus(ProductStatus status);

    long countBySellerIdAndStatus(UUID sellerId, ProductStatus status);

    long countBySellerId(UUID sellerId);
}
