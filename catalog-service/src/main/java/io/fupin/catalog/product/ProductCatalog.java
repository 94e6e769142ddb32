package io.fupin.catalog.product;

import io.fupin.catalog.product.ProductChanges.AdjustStock;
import io.fupin.catalog.product.ProductChanges.Describe;
import io.fupin.catalog.product.ProductChanges.Reprice;
import io.fupin.catalog.product.ProductChanges.RequestCertification;
import io.fupin.catalog.product.ProductEvent.ProductCertificationExpired;
import io.fupin.catalog.product.ProductEvent.ProductCertificationRevoked;
import io.fupin.catalog.product.ProductEvent.ProductCertified;
import io.fupin.catalog.product.ProductEvent.ProductDelisted;
import io.fupin.catalog.product.ProductEvent.ProductListed;
import io.fupin.catalog.product.ProductEvent.ProductSuspended;
import io.fupin.catalog.product.ProductEvent.ProductUpdated;
import io.fupin.catalog.product.ProductEvent.StockChanged;
import io.fupin.catalog.seller.SellerId;
import io.fupin.catalog.seller.SellerRegistry;
import io.fupin.catalog.seller.SellerView;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Role;
import io.fupin.support.paging.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product use cases: listing, description, versioned prices, the certification lifecycle and stock
 * adjustments. Every change is written to the outbox as a {@link ProductEvent} in the same transaction.
 */
@Service
public class ProductCatalog {

    /** Certificates are dated in China: a certificate valid until 30 June is valid all that day there. */
    public static final ZoneId CERTIFICATE_ZONE = ZoneId.of("Asia/Shanghai");

    private final Products products;
    private final PriceHistory prices;
    private final LiveStock stock;
    private final SellerRegistry sellers;
    private final CostChanges costChanges;
    private final CostCaps caps;
    private final ProductPhotos photos;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProductCatalog(Products products, PriceHistory prices, LiveStock stock, SellerRegistry sellers,
            CostChanges costChanges, CostCaps caps, ProductPhotos photos, ApplicationEventPublisher events,
            Clock clock) {
        this.products = products;
        this.prices = prices;
        this.stock = stock;
        this.sellers = sellers;
        this.costChanges = costChanges;
        this.caps = caps;
        this.photos = photos;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ProductView product(ProductId id) {
        Product product = load(id);
        return ProductView.of(product, product.stock(), photos.urlOf(id));
    }

    @Transactional(readOnly = true)
    public List<PriceVersion> priceHistory(ProductId id) {
        load(id);
        return prices.of(id);
    }

    /**
     * Products in any state, for the people who work on them: officials and admins see every seller's (e.g. the
     * certification requests waiting for them), a seller only its own.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN') or @owners.isSeller()")
    public Page<ProductView> worklist(Caller caller, ProductStatus status, SellerId sellerId, io.fupin.support.paging.PageRequest page) {
        SellerId seller = caller.hasAnyRole(Role.OFFICIAL, Role.ADMIN) ? sellerId : sellerOf(caller);
        PageRequest window = PageRequest.of(page.page(), page.size());
        List<Product> found;
        long total;
        if (seller == null) {
            found = status == null ? products.findAllByOrderByChangedAtDescIdAsc(window)
                    : products.findByStatusOrderByChangedAtDescIdAsc(status, window);
            total = status == null ? products.count() : products.countByStatus(status);
        } else {
            found = status == null ? products.findBySellerIdOrderByChangedAtDescIdAsc(seller, window)
                    : products.findBySellerIdAndStatusOrderByChangedAtDescIdAsc(seller, status, window);
            total = status == null ? products.countBySellerId(seller) : products.countBySellerIdAndStatus(seller, status);
        }
        Map<ProductId, String> photoUrls = photos.urlsOf(found.stream().map(Product::id).toList());
        return Page.of(found.stream().map(p -> ProductView.of(p, p.stock(), photoUrls.get(p.id()))).toList(), page,
                total);
    }

    /** A seller lists a product of its own (an admin for any seller); it starts as a draft. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') or @owners.isSeller(#request.sellerId())")
    public ProductView list(Caller caller, NewProduct request) {
        SellerId sellerId = caller.hasRole(Role.ADMIN) && request.sellerId() != null ? request.sellerId() : sellerOf(caller);
        if (sellerId == null) {
            throw new UnknownSeller(null);
        }
        SellerView seller = sellers.find(sellerId).orElseThrow(() -> new UnknownSeller(sellerId));
        caps.check(request.category(), request.priceFen(), request.costFen());
        Instant now = clock.instant();
        Product product = Product.draft(seller.id(), seller.name(), seller.town(),
                details(request.name(), request.category(), request.brand(), request.description(), request.unit(),
                        request.originVillage() == null || request.originVillage().isBlank() ? seller.village()
                                : request.originVillage(), request.presale()),
                new Product.Pricing(request.priceFen(), request.costFen(), blankToNull(request.costReason())),
                request.stock(), now);
        Product saved = products.save(product);
        prices.record(saved, now);
        return publish(ProductListed::new, saved, now);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN') or @owners.ofProduct(#id)")
    public ProductView describe(ProductId id, Describe request) {
        return change(id, ProductUpdated::new, (p, now) -> p.describe(details(request.name(), request.category(),
                request.brand(), request.description(), request.unit(),
                request.originVillage() == null || request.originVillage().isBlank() ? p.village() : request.originVillage(),
                request.presale()), now));
    }

    /** A repricing either applied at once ({@code product}) or waiting for an official ({@code pendingChange}). */
    public record Repricing(ProductView product, CostChange pendingChange) {
    }

    /**
     * A new price version. Raising the cost of a certified product takes from the households, so it is only
     * requested here, with the seller's evidence, and applies once an official approves it; so is no other price
     * change while one waits. Every cost stays within its category's share of the price ({@link CostCaps}).
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') or @owners.ofProduct(#id)")
    public Repricing reprice(Caller caller, ProductId id, Reprice request) {
        Product product = load(id);
        Product.Pricing pricing = new Product.Pricing(request.priceFen(), request.costFen(), blankToNull(request.costReason()));
        pricing.check();
        caps.check(product.category(), pricing.priceFen(), pricing.costFen());
        if (costChanges.pendingFor(id)) {
            throw new CostChangePending(id);
        }
        Instant now = clock.instant();
        if (product.certified() && pricing.costFen() > product.costFen()) {
            String evidence = blankToNull(request.evidence());
            if (evidence == null) {
                throw new MissingEvidence();
            }
            return new Repricing(null, costChanges.request(product, pricing, evidence, caller.userId(), now));
        }
        return new Repricing(applyPricing(product, pricing, now), null);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN') or @owners.ofProduct(#id)")
    public List<CostChange> costChanges(ProductId id) {
        load(id);
        return costChanges.ofProduct(id);
    }

    /** Cost changes waiting for an official, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public List<CostChange> pendingCostChanges(int page, int size) {
        return costChanges.pending(page, size);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public CostChange approveCostChange(Caller caller, UUID changeId) {
        CostChange change = pendingChange(changeId);
        Product product = load(change.productId());
        caps.check(product.category(), change.priceFen(), change.costFen());
        Instant now = clock.instant();
        applyPricing(product, new Product.Pricing(change.priceFen(), change.costFen(), change.costReason()), now);
        return costChanges.decide(change, CostChange.Status.APPROVED, caller.userId(), null, now);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public CostChange rejectCostChange(Caller caller, UUID changeId, String reason) {
        CostChange change = pendingChange(changeId);
        return costChanges.decide(change, CostChange.Status.REJECTED, caller.userId(), reason.strip(), clock.instant());
    }

    private CostChange pendingChange(UUID changeId) {
        CostChange change = costChanges.lock(changeId).orElseThrow(() -> new CostChangeNotFound(changeId));
        if (change.status() != CostChange.Status.PENDING) {
            throw new CostChangeDecided(changeId, change.status());
        }
        return change;
    }

    private ProductView applyPricing(Product product, Product.Pricing pricing, Instant now) {
        product.reprice(pricing, now);
        Product saved = products.save(product);
        prices.record(saved, now);
        return publish(ProductUpdated::new, saved, now);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN') or @owners.ofProduct(#id)")
    public ProductView requestCertification(ProductId id, RequestCertification request) {
        Certificate certificate = new Certificate(request.certificateNumber().strip(), request.issuingBody().strip(),
                request.validFrom(), request.validUntil());
        return change(id, ProductUpdated::new, (p, now) -> p.requestCertification(certificate, today(), now));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public ProductView approveCertification(ProductId id) {
        return change(id, ProductCertified::new, (p, now) -> p.approveCertification(today(), now));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public ProductView rejectCertification(ProductId id, String reason) {
        return change(id, ProductUpdated::new, (p, now) -> p.rejectCertification(reason.strip(), now));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public ProductView suspend(ProductId id, String reason) {
        return change(id, ProductSuspended::new, (p, now) -> p.suspend(reason.strip(), now));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public ProductView reinstate(ProductId id) {
        return change(id, ProductUpdated::new, (p, now) -> p.reinstate(today(), now));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public ProductView revokeCertification(ProductId id, String reason) {
        return change(id, ProductCertificationRevoked::new, (p, now) -> p.revokeCertification(reason.strip(), now));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN') or @owners.ofProduct(#id)")
    public ProductView delist(ProductId id) {
        return change(id, ProductDelisted::new, (p, now) -> p.delist(now));
    }

    /** Restock or write-off by the seller; the StockChanged event follows with the next coalesced batch. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') or @owners.ofProduct(#id)")
    public ProductView adjustStock(ProductId id, AdjustStock request) {
        Product product = load(id);
        if (!stock.adjust(id, request.delta())) {
            throw request.delta() > 0 ? new StockLimitExceeded(id, request.delta())
                    : new InsufficientStock(id, request.delta());
        }
        return ProductView.of(product, stock.of(id), photos.urlOf(id));
    }

    /**
     * Takes one product whose certificate has expired off sale. Optimistic locking makes it safe when several
     * instances run the job: the loser's save fails and it moves on.
     *
     * @return whether this call took it off sale
     */
    @Transactional
    public boolean expireCertificate(ProductId id) {
        Product product = load(id);
        Instant now = clock.instant();
        if (!product.expireCertificate(today(), now)) {
            return false;
        }
        publish(ProductCertificationExpired::new, products.save(product), now);
        return true;
    }

    /** One coalesced StockChanged for a product whose stock moved since the last one, unless another instance won. */
    @Transactional
    boolean publishStockChange(LiveStock.Candidate candidate) {
        if (!stock.markPublished(candidate)) {
            return false;
        }
        publish(StockChanged::new, load(candidate.productId()), clock.instant());
        return true;
    }

    /** The calendar day in China, against which certificates are valid or not. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(CERTIFICATE_ZONE));
    }

    private ProductView change(ProductId id, Function<ProductEvent.State, ProductEvent> event, Step step) {
        return apply(load(id), event, step);
    }

    private ProductView apply(Product product, Function<ProductEvent.State, ProductEvent> event, Step step) {
        Instant now = clock.instant();
        step.apply(product, now);
        return publish(event, products.save(product), now);
    }

    private ProductView publish(Function<ProductEvent.State, ProductEvent> event, Product product, Instant now) {
        int live = stock.of(product.id());
        events.publishEvent(ProductEvent.of(event.apply(ProductEvent.State.of(product, live)), now));
        return ProductView.of(product, live, photos.urlOf(product.id()));
    }

    private Product load(ProductId id) {
        return products.findById(id).orElseThrow(() -> new ProductNotFound(id));
    }

    private static Product.Details details(String name, ProductCategory category, String brand, String description,
            String unit, String village, PresaleTerms presale) {
        return new Product.Details(name.strip(), category, blankToNull(brand), blankToNull(description), unit.strip(),
                village == null ? null : village.strip(), presale == null ? null : presale.toPresale());
    }

    /** The seller the caller is bound to, if any. */
    private static SellerId sellerOf(Caller caller) {
        return caller.sellerId() == null ? null : new SellerId(caller.sellerId());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @FunctionalInterface
    private interface Step {
        void apply(Product product, Instant now);
    }
}
