package io.fupin.catalog.reservation;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Gives back the stock of reservations that order-service neither confirmed nor released in time. */
@Component
public class ExpiredHolds {

    private static final Logger log = LoggerFactory.getLogger(ExpiredHolds.class);
    private static final int BATCH = 500;

    private final StockReservations reservations;

    ExpiredHolds(StockReservations reservations) {
        this.reservations = reservations;
    }

    /** @return how many holds this call released */
    @Scheduled(fixedDelayString = "${fupin.reservations.release-expired-every:PT30S}", initialDelayString = "${fupin.reservations.release-expired-every:PT30S}")
    public int release() {
        int released = 0;
        for (UUID orderId : reservations.expiredHolds(BATCH)) {
            if (reservations.releaseIfExpired(orderId)) {
                released++;
            }
        }
        if (released > 0) {
            log.info("Released {} reservations not confirmed in time", released);
        }
        return released;
    }
}
