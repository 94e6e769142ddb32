package io.fupin.catalog.seller;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Role;
import io.fupin.support.paging.Page;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class SellerRegistry {

    private final Sellers sellers;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SellerRegistry(Sellers sellers, TransactionTemplate transactions, Clock clock) {
        this.sellers = sellers;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @throws DuplicateCreditCode when the code is already registered (also when two registrations race)
     */
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public SellerView register(RegisterSeller request) {
        String code = request.creditCode();
        try {
            return transactions.execute(tx -> {
                if (sellers.existsByCreditCode(code)) {
                    throw new DuplicateCreditCode(code);
                }
                Seller seller = Seller.register(request.name().strip(), request.kind(), code,
                        request.contact().name().strip(), request.contact().phone().strip(), request.town().strip(),
                        request.village().strip(), clock.instant());
                return sellers.save(seller).view(true);
            });
        } catch (DuplicateKeyException raced) {
            throw new DuplicateCreditCode(code);
        }
    }

    @Transactional(readOnly = true)
    public Page<SellerView> list(Caller caller, io.fupin.support.paging.PageRequest page) {
        List<SellerView> items = sellers.findAllByOrderByNameAsc(PageRequest.of(page.page(), page.size())).stream()
                .map(s -> s.view(seesContact(caller, s.id()))).toList();
        return Page.of(items, page, sellers.count());
    }

    @Transactional(readOnly = true)
    public SellerView seller(Caller caller, SellerId id) {
        return sellers.findById(id).map(s -> s.view(seesContact(caller, id))).orElseThrow(() -> new SellerNotFound(id));
    }

    /** For other features: the seller as it stands, if registered. */
    @Transactional(readOnly = true)
    public Optional<SellerView> find(SellerId id) {
        return sellers.findById(id).map(s -> s.view(true));
    }

    private static boolean seesContact(Caller caller, SellerId sellerId) {
        return caller.hasAnyRole(Role.OFFICIAL, Role.ADMIN) || sellerId.value().equals(caller.sellerId());
    }
}
