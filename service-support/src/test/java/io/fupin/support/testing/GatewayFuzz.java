package io.fupin.support.testing;

import io.fupin.support.identity.Caller;
import io.fupin.support.identity.IdentityHeaders;
import io.fupin.support.identity.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ApiFuzzer} through the gateway of a running platform ({@code deploy/local/fupin up}): every operation
 * of each service's document, as the gateway serves it ({@code /v3/api-docs/<service>}), sent to the gateway's
 * routes with the demo users' bearer tokens (every role), none, and a forged token carrying forged identity
 * headers. Each service's database is checksummed around each refused request, as MariaDB's administrator.
 * Run by {@code docs/proof/fuzz --gateway}; writes {@code target/fuzz/gateway-<service>.md}. Exits 1 on a finding.
 *
 * <p>Arguments: the gateway's URL (default {@code http://127.0.0.1:8080}). Properties: {@code fuzz.cases},
 * {@code fuzz.seed}, {@code fuzz.password} (the demo users' password, default {@code fupin-demo}),
 * {@code fuzz.mysql} (default {@code jdbc:mysql://127.0.0.1:3306}), {@code fuzz.mysql.user} (default root),
 * {@code fuzz.mysql.password}, {@code fuzz.database.prefix} (an instance's prefix, e.g. {@code test_}).
 */
public final class GatewayFuzz {

    static final String FORGED = "forged";

    private static final Map<String, String> DATABASES = Map.of("catalog-service", "catalog",
            "order-service", "orders", "household-service", "household", "settlement-service", "settlement");
    /**
     * Tables that change on their own (outboxes, consumers' bookkeeping, owed refunds and owed stock releases retried
     * on a schedule).
     */
    private static final Set<String> QUIET = Set.of("EVENT_PUBLICATION", "processed_event", "refund", "stock_release");
    private static final UUID DEMO_SELLER = UUID.fromString("3575660d-1d17-3598-9bf4-67791a419ae3");

    private final String gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final String password = System.getProperty("fuzz.password", "fupin-demo");

    GatewayFuzz(String gateway) {
        this.gateway = gateway;
    }

    public static void main(String[] args) {
        GatewayFuzz fuzz = new GatewayFuzz(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        int findings = 0;
        for (String service : List.of("catalog-service", "order-service", "household-service", "settlement-service")) {
            ApiFuzzer.Report report = fuzz.run(service);
            System.out.printf("%s through the gateway: %d operations, %d requests, by class %s, by status %s, %d findings (%d s)%n",
                    service, report.operations(), report.requests(), report.byClass(), report.byStatus(),
                    report.findings().size(), report.took().toSeconds());
            report.findings().forEach(f -> System.out.println("  " + f));
            findings += report.findings().size();
        }
        System.exit(findings == 0 ? 0 : 1);
    }

    ApiFuzzer.Report run(String service) {
        DataSource database = database(DATABASES.get(service));
        Map<String, String> values = values(database);
        List<Caller> callers = List.of(Caller.of("consumer", null, Role.CONSUMER),
                Caller.of("consumer2", null, Role.CONSUMER), Caller.of("seller", DEMO_SELLER, Role.SELLER),
                Caller.of("seller-cuicui", null, Role.SELLER), Caller.of("clerk", null, Role.CLERK),
                Caller.of("official", null, Role.OFFICIAL), Caller.of("admin", null, Role.ADMIN),
                Caller.of(FORGED, DEMO_SELLER, Role.ADMIN, Role.SERVICE));
        ApiFuzzer.Target target = new ApiFuzzer.Target("gateway-" + service, gateway, this::headersFor, callers, values,
                database, QUIET);
        return ApiFuzzer.of(target, json.readTree(get("/v3/api-docs/" + service))).run();
    }

    /** A demo user's bearer token; for the forged caller, a token nobody issued and identity headers a client made up. */
    private Map<String, String> headersFor(Caller caller) {
        if (caller.isAnonymous()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (caller.userId().equals(FORGED)) {
            headers.put("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIkFETUlOIl19.");
            headers.put(IdentityHeaders.USER_ID, "admin");
            headers.put(IdentityHeaders.ROLES, caller.rolesAsHeader());
            headers.put(IdentityHeaders.SELLER_ID, String.valueOf(caller.sellerId()));
            headers.put(IdentityHeaders.TIMESTAMP, Long.toString(System.currentTimeMillis()));
            headers.put(IdentityHeaders.SIGNATURE, "AAAA");
            return headers;
        }
        headers.put("Authorization", "Bearer " + tokens.computeIfAbsent(caller.userId(), this::token));
        return headers;
    }

    private String token(String user) {
        String body = json.writeValueAsString(Map.of("username", user, "password", password));
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/auth/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer = send(request);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("No token for " + user + ": " + answer.statusCode() + " " + answer.body());
        }
        return json.readTree(answer.body()).get("accessToken").asString();
    }

    private String get(String path) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30)).GET().build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Real ids for the path and query parameters, read from the service's database, so that cases reach past 404. */
    private Map<String, String> values(DataSource database) {
        Map<String, String> values = new HashMap<>();
        values.put("day", LocalDate.now().toString());
        values.put("sellerId", DEMO_SELLER.toString());
        first(database, "SELECT id FROM product WHERE seller_id = '" + DEMO_SELLER + "' ORDER BY id", "productId", values);
        first(database, "SELECT id FROM orders WHERE buyer_id = 'consumer' ORDER BY id", "orderId", values);
        first(database, "SELECT id FROM payment WHERE buyer_id = 'consumer' ORDER BY id", "paymentId", values);
        first(database, "SELECT id FROM place WHERE kind = 'VILLAGE' ORDER BY id", "villageId", values);
        first(database, "SELECT id FROM place ORDER BY id", "placeId", values);
        first(database, "SELECT id FROM household ORDER BY id", "householdId", values);
        first(database, "SELECT id FROM purchase_agreement ORDER BY id", "agreementId", values);
        first(database, "SELECT id FROM presale_offer ORDER BY id", "offerId", values);
        return values;
    }

    private static void first(DataSource database, String sql, String name, Map<String, String> values) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql + " LIMIT 1")) {
            if (rows.next()) {
                values.put(name, rows.getString(1));
            }
        } catch (SQLException e) {
            // Not this service's table: the fuzzer draws a value for the parameter.
        }
    }

    private static DataSource database(String name) {
        String prefix = System.getProperty("fuzz.database.prefix", "");
        DriverManagerDataSource database = new DriverManagerDataSource(
                System.getProperty("fuzz.mysql", "jdbc:mysql://127.0.0.1:3306") + "/" + prefix + name,
                System.getProperty("fuzz.mysql.user", "root"), System.getProperty("fuzz.mysql.password", ""));
        return database;
    }
}
