package io.fupin.order;

import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives order-service and the real catalog-service over HTTP, signing each request as the gateway would. */
public final class Shop {

    public static final Caller ADMIN = Caller.of("admin", null, "ADMIN");

    private final RestClient orders;
    private final RestClient catalog;
    private final SignedIdentity identity;
    private final JsonMapper json;

    public Shop(int port, SignedIdentity identity, JsonMapper json) {
        this.orders = RestClient.create("http://localhost:" + port);
        this.catalog = RestClient.create(RunningCatalog.get().url());
        this.identity = identity;
        this.json = json;
    }

    public record Reply(int status, String body) {
        public JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }

        public String text(String field) {
            return json().get(field).asString();
        }
    }

    /** A consumer of this test's own, named after what the test does with it. */
    public static Caller newBuyer(String name) {
        return Caller.of(name + "-" + UUID.randomUUID(), null, "CONSUMER");
    }

    /** A seller (cooperative) with its own credit code, so that each test has sellers of its own. */
    public record Seller(UUID id, Caller caller) {
    }

    public Seller newSeller() {
        String code = creditCode();
        UUID id = UUID.nameUUIDFromBytes(("seller:" + code).getBytes(StandardCharsets.UTF_8));
        Reply registered = send(catalog, "POST", "/api/catalog/sellers", ADMIN, Map.of("name", "双城区测试合作社 " + code,
                "kind", "COOPERATIVE", "creditCode", code,
                "contact", Map.of("name", "李明", "phone", "13900139000"), "town", "新兴镇", "village", "新公村"));
        if (registered.status() == 201 || registered.status() == 200) {
            id = UUID.fromString(registered.text("id"));
        } else if (registered.status() != 409) {
            throw new IllegalStateException("Could not register a seller: " + registered);
        }
        return new Seller(id, Caller.of("seller-user-" + id, id, "SELLER"));
    }

    /** A certified product on sale with {@code stock} units. */
    public UUID listProduct(Seller seller, int stock, long priceFen, long costFen) {
        return listProduct(seller, stock, priceFen, costFen, null);
    }

    /** A presale (认购) product: paid now, shipped from {@code deliveryDate}, {@code stock} units on offer. */
    public UUID listPresaleProduct(Seller seller, int stock, long priceFen, long costFen, LocalDate deliveryDate) {
        return listProduct(seller, stock, priceFen, costFen, deliveryDate);
    }

    private UUID listProduct(Seller seller, int stock, long priceFen, long costFen, LocalDate presaleDeliveryDate) {
        Map<String, Object> body = new HashMap<>(Map.of("sellerId", seller.id(), "name", "翠小妹花生", "category", "PEANUTS",
                "unit", "500 g bag", "priceFen", priceFen, "costFen", costFen, "stock", stock));
        body.put("costReason", "包装和运费");
        if (presaleDeliveryDate != null) {
            body.put("presale", Map.of("deliveryDate", presaleDeliveryDate.toString(), "capacity", stock));
        }
        Reply created = send(catalog, "POST", "/api/catalog/products", ADMIN, body);
        if (created.status() != 201 && created.status() != 200) {
            throw new IllegalStateException("Could not list a product: " + created);
        }
        UUID product = UUID.fromString(created.text("id"));
        Reply requested = send(catalog, "POST", "/api/catalog/products/" + product + "/certification-request", ADMIN,
                Map.of("certificateNumber", "HLJ-FP-" + product.toString().substring(0, 8), "issuingBody", "双城区扶贫办",
                        "validFrom", LocalDate.now().minusDays(1).toString(), "validUntil", LocalDate.now().plusYears(1).toString()));
        Reply approved = send(catalog, "POST", "/api/catalog/products/" + product + "/certification/approve", ADMIN, Map.of());
        if (requested.status() >= 300 || approved.status() >= 300) {
            throw new IllegalStateException("Could not certify a product: " + requested + " / " + approved);
        }
        return product;
    }

    public UUID listProduct(int stock, long priceFen, long costFen) {
        return listProduct(newSeller(), stock, priceFen, costFen);
    }

    public int stockOf(UUID product) {
        return send(catalog, "GET", "/api/catalog/products/" + product, Caller.anonymous(), null).json().get("stock").asInt();
    }

    public static Map<String, Object> order(String channel, Map<UUID, Integer> lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("lines", lines.entrySet().stream().map(e -> Map.of("productId", e.getKey(), "quantity", e.getValue())).toList());
        body.put("channel", channel);
        body.put("buyer", Map.of("kind", "INDIVIDUAL"));
        body.put("delivery", Map.of("name", "王芳", "mobile", "13800138000", "address", "黑龙江省哈尔滨市双城区"));
        return body;
    }

    public Reply place(Caller buyer, Map<String, Object> body) {
        return placeWithKey(buyer, "key-" + UUID.randomUUID(), body);
    }

    public Reply placeWithKey(Caller buyer, String key, Map<String, Object> body) {
        return orders.post().uri("/api/orders").headers(h -> h.addAll(identity.headersFor(buyer)))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((req, res) -> new Reply(res.getStatusCode().value(), res.bodyTo(String.class)));
    }

    /** Places an order of one product and answers its id. */
    public UUID placeOrder(Caller buyer, UUID product, int quantity) {
        Reply reply = place(buyer, order("ONLINE", Map.of(product, quantity)));
        if (reply.status() != 201) {
            throw new IllegalStateException("Could not place an order: " + reply);
        }
        return UUID.fromString(reply.text("id"));
    }

    public Reply startPayment(Caller buyer, UUID orderId, long amountFen) {
        return orders.post().uri("/api/payments").headers(h -> h.addAll(identity.headersFor(buyer)))
                .header("Idempotency-Key", "pay-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("orderId", orderId, "amountFen", amountFen))
                .exchange((req, res) -> new Reply(res.getStatusCode().value(), res.bodyTo(String.class)));
    }

    /** Starts a payment of the order's total and pays it in the sandbox; answers the payment id. */
    public UUID payInSandbox(Caller buyer, UUID orderId) {
        long total = get(buyer, "/api/orders/" + orderId).json().get("totalFen").asLong();
        Reply payment = startPayment(buyer, orderId, total);
        if (payment.status() != 201) {
            throw new IllegalStateException("Could not start a payment: " + payment);
        }
        UUID paymentId = UUID.fromString(payment.text("id"));
        Reply paid = post(buyer, "/api/payments/" + paymentId + "/sandbox/pay", null);
        if (paid.status() != 202) {
            throw new IllegalStateException("The sandbox did not take the payment: " + paid);
        }
        return paymentId;
    }

    public Reply get(Caller caller, String path) {
        return send(orders, "GET", path, caller, null);
    }

    public Reply post(Caller caller, String path, Object body) {
        return send(orders, "POST", path, caller, body);
    }

    public Reply put(Caller caller, String path, Object body) {
        return send(orders, "PUT", path, caller, body);
    }

    public String status(Caller buyer, UUID orderId) {
        return get(buyer, "/api/orders/" + orderId).text("status");
    }

    private Reply send(RestClient client, String method, String path, Caller caller, Object body) {
        RestClient.RequestBodySpec spec = client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.addAll(identity.headersFor(caller)));
        if (body != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange((req, res) -> new Reply(res.getStatusCode().value(), res.bodyTo(String.class)));
    }

    /** A unified social credit code with a valid GB 32100 check character. */
    static String creditCode() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        StringBuilder code = new StringBuilder("93230113");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (code.length() < 17) {
            code.append(chars.charAt(random.nextInt(chars.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(code.charAt(i)) * weights[i];
        }
        int check = 31 - sum % 31;
        return code.append(chars.charAt(check == 31 ? 0 : check)).toString();
    }

    public List<JsonNode> list(Caller caller, String query) {
        JsonNode array = get(caller, "/api/orders" + query).json().get("items");
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    public JsonMapper json() {
        return json;
    }
}
