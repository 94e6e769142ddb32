package io.fupin.catalog.product;

import io.fupin.catalog.seller.SellerId;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

interface Products extends ListCrudRepository<Product, ProductId> {

    List<Product> findAllByOrderByChangedAtDescIdAsc(Pageable page);

    List<Product> findByStatusOrderByChangedAtDescIdAsc(ProductStatus status, Pageable page);

    List<Product> findBySellerIdAndStatusOrderByChangedAtDescIdAsc(SellerId sellerId, ProductStatus status, Pageable page);

    List<Product> findBySellerIdOrderByChangedAtDescIdAsc(SellerId sellerId, Pageable page);

    long countByStatus(ProductStatus status);

    long countBySellerIdAndStatus(SellerId sellerId, ProductStatus status);

    long countBySellerId(SellerId sellerId);
}
