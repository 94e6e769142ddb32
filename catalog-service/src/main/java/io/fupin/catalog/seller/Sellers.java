package io.fupin.catalog.seller;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

interface Sellers extends ListCrudRepository<Seller, UUID> {

    List<Seller> findAllByOrderByNameAsc(Pageable page);

    boolean existsByCreditCode(String creditCode);
}
