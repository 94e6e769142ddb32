package io.fupin.order.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.order.IntegrationTest;
import io.fupin.order.Shop;
import io.fupin.order.Shop.Reply;
import io.fupin.support.identity.Caller;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class StatementIntegrationTests {

    static final Caller CLERK = Caller.of("clerk", null, "CLERK");

    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Autowired
    Shop shop;
    Caller buyer = Shop.newBuyer("reconciled");

    @Test
    void theProviderStatementImportNamesEveryDifferenceFromTheBooks() {
        UUID product = shop.listProduct(50, 1000, 0);
        UUID matching = paid(product);
        UUID lostThere = paid(product);
        UUID otherAmount = paid(product);
        UUID pendingHere = UUID.fromString(shop.startPayment(buyer, shop.placeOrder(buyer, product, 1), 1000).text("id"));
        UUID unknownHere = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        // The provider's books disagree with these: it lost one payment, took another amount for a second, took the
        // money of a third without telling, and lists a payment nobody here started.
        sandboxBooks("UPDATE sandbox_transaction SET status = 'CREATED', paid_at = NULL WHERE payment_id = ?", lostThere);
        sandboxBooks("UPDATE sandbox_transaction SET amount_fen = amount_fen + 100 WHERE payment_id = ?", otherAmount);
        jdbc.sql("UPDATE sandbox_transaction SET status = 'PAID', paid_at = ? WHERE payment_id = ?")
                .params(now, pendingHere.toString()).update();
        jdbc.sql("INSERT INTO sandbox_transaction (payment_id, trade_no, amount_fen, status, created_at, paid_at) VALUES (?, ?, 5000, 'PAID', ?, ?)")
                .params(unknownHere.toString(), "SBX" + unknownHere.toString().substring(0, 8), now, now).update();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));

        assertThat(shop.post(buyer, "/api/payments/statements/" + today, null).status()).isEqualTo(403);
        Reply imported = shop.post(CLERK, "/api/payments/statements/" + today, null);

        assertThat(imported.status()).isEqualTo(200);
        Map<String, String> kinds = differences(imported.json());
        assertThat(kinds).containsEntry(lostThere.toString(), "PAID_HERE_NOT_THERE")
                .containsEntry(unknownHere.toString(), "PAID_THERE_NOT_HERE")
                .containsEntry(otherAmount.toString(), "AMOUNT_DIFFERS")
                .containsEntry(pendingHere.toString(), "STATUS_DIFFERS")
                .doesNotContainKey(matching.toString());
        Reply stored = shop.get(CLERK, "/api/payments/statements/" + today);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(differences(stored.json())).isEqualTo(kinds);
        assertThat(shop.get(CLERK, "/api/payments/statements/" + today.minusYears(3)).status()).isEqualTo(404);
    }

    private UUID paid(UUID product) {
        UUID order = shop.placeOrder(buyer, product, 1);
        UUID payment = shop.payInSandbox(buyer, order);
        await().atMost(Duration.ofSeconds(15)).until(() -> "SUCCEEDED".equals(shop.get(buyer, "/api/payments/" + payment).text("status")));
        return payment;
    }

    private void sandboxBooks(String sql, UUID payment) {
        assertThat(jdbc.sql(sql).param(payment.toString()).update()).isEqualTo(1);
    }

    private static Map<String, String> differences(JsonNode report) {
        Map<String, String> kinds = new HashMap<>();
        report.get("differences").forEach(d -> kinds.put(d.get("paymentId").asString(), d.get("kind").asString()));
        return kinds;
    }
}
