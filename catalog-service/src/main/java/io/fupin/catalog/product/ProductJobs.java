package io.fupin.catalog.product;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Background work on products: certificates past their expiry date go off sale, and stock movements are
 * announced as one coalesced StockChanged per product per round instead of one event per sale. Both are safe
 * with several instances running them: each product is changed under a version check.
 */
@Component
public class ProductJobs {

    private static final Logger log = LoggerFactory.getLogger(ProductJobs.class);
    private static final int BATCH = 200;

    private final ProductCatalog catalog;
    private final LiveStock stock;
    private final JdbcClient jdbc;

    ProductJobs(ProductCatalog catalog, LiveStock stock, JdbcClient jdbc) {
        this.catalog = catalog;
        this.stock = stock;
        this.jdbc = jdbc;
    }

    /** @return how many products this call took off sale */
    @Scheduled(fixedDelayString = "${fupin.certificates.check-every:PT5M}", initialDelayString = "${fupin.certificates.check-every:PT5M}")
    public int expireCertificates() {
        List<ProductId> expired = jdbc.sql("""
                SELECT id FROM product WHERE status IN ('ON_SALE', 'SUSPENDED') AND certificate_valid_until < :today
                LIMIT :limit""")
                .param("today", catalog.today()).param("limit", BATCH)
                .query((rs, n) -> new ProductId(UUID.fromString(rs.getString(1)))).list();
        int count = 0;
        for (ProductId id : expired) {
            try {
                if (catalog.expireCertificate(id)) {
                    count++;
                }
            } catch (OptimisticLockingFailureException anotherInstanceWon) {
                log.debug("Product {} changed concurrently; the next round looks again", id.value());
            }
        }
        if (count > 0) {
            log.info("Took {} products with expired certificates off sale", count);
        }
        return count;
    }

    /** @return how many StockChanged events this call wrote */
    @Scheduled(fixedDelayString = "${fupin.stock-events.every:PT5S}", initialDelayString = "${fupin.stock-events.every:PT5S}")
    public int publishStockChanges() {
        int count = 0;
        for (LiveStock.Candidate candidate : stock.unpublished(BATCH)) {
            if (catalog.publishStockChange(candidate)) {
                count++;
            }
        }
        return count;
    }
}
