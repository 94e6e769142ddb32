package io.fupin.web.gateway;

/** A service (or the gateway) did not answer, answered 5xx, or its breaker is open: the page says so. */
public class ServiceDown extends RuntimeException {

    private final String service;

    public ServiceDown(String service, String reason, Throwable cause) {
        super(service + ": " + reason, cause);
        this.service = service;
    }

    /** {@code catalog}, {@code orders}, {@code payments}, {@code households}, {@code settlements} or {@code auth}. */
    public String service() {
        return service;
    }
}
