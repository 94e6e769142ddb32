package io.fupin.support.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every problem type the platform answers with, each with its status and the slug of its stable type URI,
 * {@code https://fupin.market/problems/<slug>}. The servlet services and the reactive gateway both build their
 * problems from this list; the web consoles, the OpenAPI documents and the clients rely on these exact types.
 */
public enum ProblemType {

    // Shared by every service and the gateway.
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request"),
    /** A 4xx the gateway has no more precise type for; answered with the status of the refusal itself. */
    CLIENT_ERROR(HttpStatus.BAD_REQUEST, "client-error"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated"),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "invalid-credentials"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large"),
    URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "uri-too-long"),
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests"),
    CONCURRENT_CHANGE(HttpStatus.CONFLICT, "concurrent-change"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable"),
    GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout"),

    // order-service
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused"),
    RESERVATION_LAPSED(HttpStatus.CONFLICT, "reservation-lapsed"),
    LIVESTREAM_LIMIT(HttpStatus.CONFLICT, "livestream-limit"),
    UNKNOWN_PRODUCT(HttpStatus.BAD_REQUEST, "unknown-product"),
    ORDER_REFUSED(HttpStatus.BAD_REQUEST, "order-refused"),
    ILLEGAL_TRANSITION(HttpStatus.CONFLICT, "illegal-transition"),
    PRESALE_NOT_DUE(HttpStatus.CONFLICT, "presale-not-due"),
    REFUND_REFUSED(HttpStatus.CONFLICT, "refund-refused"),
    REFUND_EXCEEDS_PAYMENT(HttpStatus.CONFLICT, "refund-exceeds-payment"),
    AMOUNT_MISMATCH(HttpStatus.UNPROCESSABLE_CONTENT, "amount-mismatch"),
    ORDER_NOT_PAYABLE(HttpStatus.CONFLICT, "order-not-payable"),
    BAD_SIGNATURE(HttpStatus.UNAUTHORIZED, "bad-signature"),
    MALFORMED_CALLBACK(HttpStatus.BAD_REQUEST, "malformed-callback"),
    PROVIDER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "provider-unavailable"),

    // catalog-service
    SOLD_OUT(HttpStatus.CONFLICT, "sold-out"),
    RESERVATION_RELEASED(HttpStatus.CONFLICT, "reservation-released"),
    INSUFFICIENT_STOCK(HttpStatus.CONFLICT, "insufficient-stock"),
    STOCK_LIMIT(HttpStatus.CONFLICT, "stock-limit"),
    COST_CHANGE_PENDING(HttpStatus.CONFLICT, "cost-change-pending"),
    COST_CHANGE_DECIDED(HttpStatus.CONFLICT, "cost-change-decided"),
    CONCURRENT_UPDATE(HttpStatus.CONFLICT, "concurrent-update"),
    DUPLICATE_CREDIT_CODE(HttpStatus.CONFLICT, "duplicate-credit-code"),
    APPLICATION_PENDING(HttpStatus.CONFLICT, "application-pending"),
    APPLICATION_DECIDED(HttpStatus.CONFLICT, "application-decided"),
    REINDEX_RUNNING(HttpStatus.CONFLICT, "reindex-running"),
    UNSUPPORTED_PHOTO(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-photo"),
    PHOTO_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "photo-too-large"),
    SEARCH_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable"),

    // settlement-service (OWN_APPROVAL is household-service's too)
    ORDERS_DIFFER(HttpStatus.CONFLICT, "orders-differ"),
    ORDERS_UNVERIFIED(HttpStatus.CONFLICT, "orders-unverified"),
    PERIOD_OVERLAPS(HttpStatus.CONFLICT, "period-overlaps"),
    PERIOD_OUT_OF_ORDER(HttpStatus.CONFLICT, "period-out-of-order"),
    EVENTS_PARKED(HttpStatus.CONFLICT, "events-parked"),
    BATCH_NOT_AWAITING_APPROVAL(HttpStatus.CONFLICT, "batch-not-awaiting-approval"),
    OWN_APPROVAL(HttpStatus.CONFLICT, "own-approval"),
    BATCH_NOT_APPROVED(HttpStatus.CONFLICT, "batch-not-approved"),
    BATCH_ALREADY_PAID(HttpStatus.CONFLICT, "batch-already-paid"),
    BATCH_NOT_EXPORTED(HttpStatus.CONFLICT, "batch-not-exported"),
    NOT_IN_SUSPENSE(HttpStatus.CONFLICT, "not-in-suspense"),
    NOTHING_OWED(HttpStatus.CONFLICT, "nothing-owed"),
    WRITE_OFF_PENDING(HttpStatus.CONFLICT, "write-off-pending"),
    EXCEEDS_OWED(HttpStatus.CONFLICT, "exceeds-owed"),
    WRITE_OFF_DECIDED(HttpStatus.CONFLICT, "write-off-decided"),

    // household-service
    PLACE_EXISTS(HttpStatus.CONFLICT, "place-exists"),
    STALE_VERSION(HttpStatus.CONFLICT, "stale-version"),
    ACCOUNT_CHANGE_PENDING(HttpStatus.CONFLICT, "account-change-pending"),
    ACCOUNT_CHANGE_DECIDED(HttpStatus.CONFLICT, "account-change-decided"),
    PRODUCT_NOT_KNOWN(HttpStatus.CONFLICT, "product-not-known"),
    CONCURRENT_DECLARATION(HttpStatus.CONFLICT, "concurrent-declaration"),
    OFFER_EXISTS(HttpStatus.CONFLICT, "offer-exists"),
    UNREADABLE_PERSONAL_DATA(HttpStatus.INTERNAL_SERVER_ERROR, "unreadable-personal-data");

    private final HttpStatus status;
    private final String slug;

    ProblemType(HttpStatus status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    /** The stable type URI, {@code https://fupin.market/problems/<slug>}. */
    public URI uri() {
        return Problems.typeOf(slug);
    }

    /** The problem's title: the reason phrase of its status, as every answer so far has had it. */
    public String title() {
        return status.getReasonPhrase();
    }

    /** A problem of this type saying {@code detail}. */
    public ProblemDetail problem(String detail) {
        return problem(status, detail);
    }

    /** A problem of this type answered with another status ({@link #CLIENT_ERROR} takes the refusal's own). */
    public ProblemDetail problem(HttpStatus answered, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(answered, detail);
        problem.setType(uri());
        problem.setTitle(answered.getReasonPhrase());
        return problem;
    }
}
