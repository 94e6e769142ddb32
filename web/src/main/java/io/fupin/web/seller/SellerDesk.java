package io.fupin.web.seller;

import io.fupin.web.gateway.ApiPage;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.orders.Order;
import io.fupin.web.security.CurrentUser;
import io.fupin.web.storefront.Product;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** catalog-service and order-service through the gateway, as the signed-in seller. */
@Component
class SellerDesk {

    record NewProduct(String name, String category, String brand, String description, String unit, long priceFen,
            long costFen, String costReason, int stock, String originVillage, Presale presale) {
    }

    /** What a seller describes about a product; {@code presale} null for none. */
    record Details(String name, String category, String brand, String description, String unit, String originVillage,
            Presale presale) {
    }

    record Presale(LocalDate deliveryDate, int capacity) {
    }

    record Reprice(long priceFen, long costFen, String costReason, String evidence) {
    }

    record CertificationRequest(String certificateNumber, String issuingBody, LocalDate validFrom,
            LocalDate validUntil) {
    }

    record CostChange(UUID id, long priceFen, long costFen, String costReason, String evidence, String status,
            Instant requestedAt, Instant decidedAt, String decisionNote) {
    }

    record CostChanges(UUID productId, List<CostChange> items) {
    }

    private static final ParameterizedTypeReference<ApiPage<Product>> PRODUCTS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ApiPage<Order>> ORDERS = new ParameterizedTypeReference<>() {
    };

    private final Gateway gateway;
    private final CurrentUser user;

    SellerDesk(Gateway gateway, CurrentUser user) {
        this.gateway = gateway;
        this.user = user;
    }

    /** The seller's own products in any state, latest change first; {@code status} null for all. */
    ApiPage<Product> products(String status, int page, int size) {
        return gateway.get(user.requireToken(), "/api/catalog/products/worklist?status={status}&page={page}&size={size}",
                PRODUCTS, status == null ? "" : status, page, size);
    }

    Product product(UUID id) {
        return gateway.get(user.requireToken(), "/api/catalog/products/{id}", Product.class, id);
    }

    CostChanges costChanges(UUID id) {
        return gateway.get(user.requireToken(), "/api/catalog/products/{id}/cost-changes", CostChanges.class, id);
    }

    Product list(NewProduct product) {
        return gateway.post(user.requireToken(), "/api/catalog/products", product, Map.of(), Product.class);
    }

    Product describe(UUID id, Details details) {
        return gateway.put(user.requireToken(), "/api/catalog/products/{id}", details, Product.class, id);
    }

    /** True when the new price took effect at once, false when a raised cost waits for an official. */
    boolean reprice(UUID id, Reprice reprice) {
        Map<?, ?> answer = gateway.put(user.requireToken(), "/api/catalog/products/{id}/price", reprice, Map.class, id);
        // A pending cost change names its product; the product itself does not.
        return answer == null || !answer.containsKey("productId");
    }

    Product adjustStock(UUID id, int delta) {
        return gateway.post(user.requireToken(), "/api/catalog/products/{id}/stock", Map.of("delta", delta), Map.of(),
                Product.class, id);
    }

    Product requestCertification(UUID id, CertificationRequest request) {
        return gateway.post(user.requireToken(), "/api/catalog/products/{id}/certification-request", request, Map.of(),
                Product.class, id);
    }

    /**
     * A version of a product's benefit linkage. household-service names each household with its head; the console
     * shows only the surname ({@link SellerProductsController}).
     */
    record LinkageVersion(int version, String lotName, Instant effectiveFrom, String declaredBy, long totalShares,
            List<LinkageShare> shares) {
    }

    record LinkageShare(UUID householdId, String registrationNumber, String headName, String villageName, int shares) {
    }

    /** The next version of a product's linkage; {@code effectiveFrom} null for now. */
    record LinkageDeclaration(String lotName, Instant effectiveFrom, List<DeclaredShare> shares) {
    }

    record DeclaredShare(UUID householdId, int shares) {
    }

    LinkageVersion declareLinkage(UUID id, LinkageDeclaration declaration) {
        return gateway.post(user.requireToken(), "/api/households/products/{id}/linkage/versions", declaration, Map.of(),
                LinkageVersion.class, id);
    }

    private static final ParameterizedTypeReference<ApiPage<LinkageVersion>> LINKAGES =
            new ParameterizedTypeReference<>() {
            };

    /** Every linkage version of the product, oldest first. */
    ApiPage<LinkageVersion> linkageHistory(UUID id) {
        return gateway.get(user.requireToken(), "/api/households/products/{id}/linkage/versions?size=200", LINKAGES, id);
    }

    record Photo(UUID productId, String url, String mediaType, int width, int height, long sizeBytes) {
    }

    Photo uploadPhoto(UUID id, String filename, String mediaType, byte[] content) {
        return gateway.putFile(user.requireToken(), "/api/catalog/products/{id}/photo", "file", filename,
                MediaType.parseMediaType(mediaType), content, Photo.class, id);
    }

    /** One product's sales of a range of days and where their money stands; {@code productId} null for the total. */
    record SalesFigures(UUID productId, long orders, long unitsSold, long unitsRefunded, long soldFen, long refundedFen,
            long costFen, long netFen, long heldFen, long payableFen, long inPayoutFen, long paidOutFen,
            long suspenseFen) {
    }

    record Sales(LocalDate from, LocalDate to, List<SalesFigures> products, SalesFigures total) {
    }

    /** The signed-in seller's lines paid in these days (both inclusive), per product, from settlement's ledger. */
    Sales sales(LocalDate from, LocalDate to) {
        return gateway.get(user.requireToken(), "/api/settlements/sales?from={from}&to={to}", Sales.class, from, to);
    }

    /** Orders holding the seller's products, each with only its own lines; {@code status} null for all. */
    ApiPage<Order> orders(String status, int page, int size) {
        return gateway.get(user.requireToken(), "/api/orders?view=seller&status={status}&page={page}&size={size}",
                ORDERS, status == null ? "" : status, page, size);
    }

    Order order(UUID id) {
        return gateway.get(user.requireToken(), "/api/orders/{id}", Order.class, id);
    }

    Order ship(UUID orderId, String trackingNumber) {
        return gateway.post(user.requireToken(), "/api/orders/{id}/shipments", Map.of("trackingNumber", trackingNumber),
                Map.of(), Order.class, orderId);
    }

    Order acceptRefund(UUID orderId, UUID refundId) {
        return gateway.post(user.requireToken(), "/api/orders/{id}/refunds/{refundId}/acceptance", null, Map.of(),
                Order.class, orderId, refundId);
    }

    /** Rejects a refund request with the reason the buyer reads on the order. */
    Order rejectRefund(UUID orderId, UUID refundId, String reason) {
        return gateway.post(user.requireToken(), "/api/orders/{id}/refunds/{refundId}/rejection", Map.of("reason", reason),
                Map.of(), Order.class, orderId, refundId);
    }
}
