package io.fupin.settlement.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.settlement.SettlementApplication;
import io.fupin.settlement.allocation.LinkageVersion;
import io.fupin.settlement.allocation.Allocator;
import io.fupin.settlement.allocation.PaidOrder;
import io.fupin.settlement.allocation.ProceedsAllocation;
import io.fupin.settlement.ledger.Ledger;
import io.fupin.settlement.payout.Payouts;
import io.fupin.support.identity.Caller;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not part of the test suite (its name matches no test pattern); run it with
 * {@code ./mvnw -B -pl settlement-service -Pbench test}. It uses its own database, {@code settlement_bench},
 * wiped at start, and prints its figures.
 */
@SpringBootTest(classes = {SettlementApplication.class, SettlementBenchmark.CleanSchema.class}, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:mysql://${MYSQL_HOST:127.0.0.1}:${MYSQL_PORT:3306}/settlement_bench?createDatabaseIfNotExist=true",
        "spring.datasource.username=${MYSQL_TEST_USER:root}",
        "spring.datasource.password=${MYSQL_TEST_PASSWORD:}",
        "spring.flyway.clean-disabled=false",
        "spring.kafka.listener.auto-startup=false",
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "management.health.kafka.enabled=false",
        "fupin.identity.secret=benchmark-secret-0123456789abcdef0123",
        "fupin.settlement.payout-account-key=YmVuY2htYXJrLXBheW91dC1hY2NvdW50LWtleS0wMTI="})
class SettlementBenchmark {

    private static final int PAID_LINES = Integer.getInteger("bench.lines", 1_000_000);
    private static final int PERIOD_LINES = Integer.getInteger("bench.periodLines", 100_000);
    private static final int RAW_ROWS = Integer.getInteger("bench.rawRows", 1_000_000);
    private static final int HOUSEHOLDS = 2_611;
    private static final int PRODUCTS = 300;

    @Autowired
    ProceedsAllocation allocation;
    @Autowired
    Payouts payouts;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    /** The benchmark starts from an empty schema. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CleanSchema {
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }

    private final Random random = new Random(42);
    private final List<UUID> households = new ArrayList<>();
    private final List<UUID> products = new ArrayList<>();

    @Test
    void allocateAndPostThenCloseAndReconcile() {
        setUp();
        double rawRowsPerSecond = rawBatchedInsert();

        // 1. Allocate and post the paid lines (4 lines an order, 1,000 orders a transaction), in January 2030.
        long journalBefore = count("journal_line");
        long started = System.nanoTime();
        postPaidOrders(PAID_LINES, 4, Instant.parse("2030-01-01T00:00:00Z"), Duration.ofDays(28), false);
        double seconds = (System.nanoTime() - started) / 1e9;
        long journalRows = count("journal_line") - journalBefore;
        assertThat(count("settled_line")).isEqualTo(PAID_LINES);
        System.out.printf("%nraw batched INSERT (journal_line shape, 1,000 rows a batch): %,d rows = %,.0f rows/s%n"
                + "allocate and post: %,d paid lines in %.1f s = %,.0f lines/s (%,d journal lines = %,.0f rows/s)%n",
                RAW_ROWS, rawRowsPerSecond, PAID_LINES, seconds, PAID_LINES / seconds, journalRows, journalRows / seconds);

        // 2. A period of 100,000 lines (10 an order), paid and completed in its first week of February.
        postPaidOrders(PERIOD_LINES, 10, Instant.parse("2030-02-01T00:00:00Z"), Duration.ofDays(5), true);
        long closeStarted = System.nanoTime();
        Payouts.ClosedPeriod closed = transactions.execute(s -> payouts.close(LocalDate.of(2030, 2, 1),
                LocalDate.of(2030, 2, 7), Caller.of("bench-clerk", null, "CLERK")));
        double closeSeconds = (System.nanoTime() - closeStarted) / 1e9;
        assertThat(closed.report().identityHolds()).isTrue();
        assertThat(closed.report().marginFen()).isZero();
        assertThat(ledger.totals().values().stream().mapToLong(Long::longValue).sum()).isZero();

        System.out.printf("""

                === settlement-service benchmark (MariaDB %s) ===
                raw batched INSERT (journal_line shape, 1,000 rows a batch): %,d rows in %.1f s = %,.0f rows/s
                allocate and post: %,d paid lines in %.1f s = %,.0f lines/s (%,d journal lines = %,.0f rows/s)
                close and reconcile a period of %,d lines (on top of %,d earlier lines): %.2f s = %,.0f lines/s; batch %d lines, %,d fen
                """, jdbc.queryForObject("SELECT VERSION()", String.class), RAW_ROWS, RAW_ROWS / rawRowsPerSecond,
                rawRowsPerSecond, PAID_LINES, seconds, PAID_LINES / seconds, journalRows, journalRows / seconds,
                PERIOD_LINES, PAID_LINES, closeSeconds, PERIOD_LINES / closeSeconds, closed.batch().lineCount(),
                closed.batch().totalFen());
    }

    private void setUp() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            UUID id = new UUID(0x5E77L, i);
            households.add(id);
            rows.add(new Object[] {id.toString(), "230113-" + i, "户主" + i, "中国农业银行", "62284800" + i,
                    Timestamp.from(Instant.parse("2029-01-01T00:00:00Z"))});
        }
        jdbc.batchUpdate("""
                INSERT INTO household (household_id, registration_number, head_name, bank_name, account_number, changed_at)
                VALUES (?, ?, ?, ?, ?, ?)""", rows);
        transactions.executeWithoutResult(s -> {
            for (int p = 0; p < PRODUCTS; p++) {
                UUID product = new UUID(0xB0D7L, p);
                products.add(product);
                List<Allocator.Share> shares = new ArrayList<>();
                int n = 1 + random.nextInt(5);
                for (int k = 0; k < n; k++) {
                    shares.add(new Allocator.Share(households.get((p * 7 + k * 131) % HOUSEHOLDS), 1 + random.nextInt(40)));
                }
                allocation.linkageVersioned(new LinkageVersion(UUID.randomUUID(), product, null, null, 1,
                        Instant.parse("2029-06-01T00:00:00Z"), shares), Instant.parse("2029-06-01T00:00:00Z"));
            }
        });
    }

    private void postPaidOrders(int lines, int linesPerOrder, Instant from, Duration over, boolean complete) {
        int orders = lines / linesPerOrder;
        int perTransaction = 1_000;
        long step = over.toSeconds() / orders;
        for (int first = 0; first < orders; first += perTransaction) {
            List<PaidOrder> batch = new ArrayList<>();
            for (int o = first; o < Math.min(orders, first + perTransaction); o++) {
                List<PaidOrder.Line> orderLines = new ArrayList<>();
                for (int l = 0; l < linesPerOrder; l++) {
                    long price = 500 + random.nextInt(20_000);
                    orderLines.add(new PaidOrder.Line(products.get(random.nextInt(PRODUCTS)), new UUID(0x5E11L, o % 30),
                            1 + random.nextInt(5), price, random.nextInt((int) price / 4)));
                }
                batch.add(new PaidOrder(UUID.randomUUID(), from.plusSeconds(step * o), orderLines));
            }
            transactions.executeWithoutResult(s -> allocation.paidAll(batch));
            if (complete) {
                transactions.executeWithoutResult(s -> batch.forEach(o ->
                        allocation.completed(o.orderId(), o.paidAt().plus(Duration.ofHours(1)))));
            }
        }
    }

    private double rawBatchedInsert() {
        jdbc.execute("DROP TABLE IF EXISTS bench_raw_insert");
        jdbc.execute("CREATE TABLE bench_raw_insert LIKE journal_line");
        long started = System.nanoTime();
        int batch = 1_000;
        Timestamp at = Timestamp.from(Instant.parse("2030-01-01T00:00:00Z"));
        for (int first = 0; first < RAW_ROWS; first += batch) {
            List<Object[]> rows = new ArrayList<>(batch);
            for (int i = first; i < Math.min(RAW_ROWS, first + batch); i++) {
                rows.add(new Object[] {UUID.randomUUID().toString(), "HOUSEHOLD_HELD", households.get(i % HOUSEHOLDS).toString(),
                        -(1 + i % 1000), UUID.randomUUID().toString(), products.get(i % PRODUCTS).toString(), at});
            }
            transactions.executeWithoutResult(s -> jdbc.batchUpdate("""
                    INSERT INTO bench_raw_insert (entry_id, account, party_id, amount_fen, order_id, product_id, effective_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", rows));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        jdbc.execute("DROP TABLE bench_raw_insert");
        return RAW_ROWS / seconds;
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
