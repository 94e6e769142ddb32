package io.fupin.catalog.seller;

import io.fupin.catalog.seller.SellerApplication.Status;
import io.fupin.support.identity.Caller;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Joining as a seller: a signed-in consumer applies; an official approves, which registers the seller exactly as
 * {@link SellerRegistry#register} does (its id derived from the credit code), or rejects with a reason. The gateway
 * asks {@link #grantOf} whom a signed-in user acts for, and gives an approved applicant the SELLER role and the
 * seller's id on top of what its token says (see the README).
 */
@Service
public class SellerOnboarding {

    private final SellerApplications applications;
    private final Sellers sellers;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SellerOnboarding(SellerApplications applications, Sellers sellers, TransactionTemplate transactions, Clock clock) {
        this.applications = applications;
        this.sellers = sellers;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @throws DuplicateCreditCode      when a seller with that code is registered already
     * @throws SellerApplicationPending when the caller or the code has an application waiting
     */
    @PreAuthorize("hasRole('CONSUMER') and !hasRole('SELLER')")
    public SellerApplication apply(Caller caller, ApplyAsSeller request) {
        return transactions.execute(tx -> {
            if (sellers.existsByCreditCode(request.creditCode())) {
                throw new DuplicateCreditCode(request.creditCode());
            }
            SellerApplication application = SellerApplication.submit(caller.userId(), request, clock.instant());
            applications.add(application);
            return application;
        });
    }

    /** The caller's own applications, latest first, with each decision and its reason. */
    @PreAuthorize("hasRole('CONSUMER')")
    public List<SellerApplication> mine(Caller caller) {
        return transactions.execute(tx -> applications.ofApplicant(caller.userId()));
    }

    /**
     * The seller an approved application of this user registered, if any: pending and rejected applications grant
     * nothing. Only services ask (the gateway, when it decides who a caller is).
     */
    @PreAuthorize("hasRole('SERVICE')")
    public java.util.Optional<SellerId> grantOf(String userId) {
        return transactions.execute(tx -> applications.approvedSellerOf(userId));
    }

    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public Page<SellerApplication> withStatus(Status status, PageRequest page) {
        return transactions.execute(tx -> Page.of(applications.withStatus(status, page.page(), page.size()), page,
                applications.countWithStatus(status)));
    }

    /**
     * Registers the seller and marks the application approved, both or neither.
     *
     * @throws DuplicateCreditCode when the code was registered since the application (also when that races)
     */
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public SellerApplication approve(Caller caller, UUID id) {
        return transactions.execute(tx -> {
            SellerApplication application = applications.lock(id).orElseThrow(() -> new SellerApplicationNotFound(id));
            if (application.status() == Status.PENDING && sellers.existsByCreditCode(application.creditCode())) {
                throw new DuplicateCreditCode(application.creditCode());
            }
            Seller seller = Seller.register(application.name(), application.kind(), application.creditCode(),
                    application.contact().name(), application.contact().phone(), application.town(),
                    application.village(), clock.instant());
            SellerApplication approved = application.approve(caller.userId(), seller.id(), clock.instant());
            try {
                sellers.save(seller);
            } catch (DuplicateKeyException raced) {
                throw new DuplicateCreditCode(application.creditCode());
            }
            applications.decided(approved);
            return approved;
        });
    }

    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public SellerApplication reject(Caller caller, UUID id, String reason) {
        return transactions.execute(tx -> {
            SellerApplication application = applications.lock(id).orElseThrow(() -> new SellerApplicationNotFound(id));
            SellerApplication rejected = application.reject(caller.userId(), reason.strip(), clock.instant());
            applications.decided(rejected);
            return rejected;
        });
    }
}
