package io.fupin.catalog.seller;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

interface Sellers extends ListCrudRepository<Seller, SellerId> {

    List<Seller> findAllByOrderByNameAsc(Pageable page);

    boolean existsByCreditCode(String creditCode);
}
