package io.fupin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.identity.Caller;
import io.fupin.support.testing.SignedIdentity;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;

/**
 * The one fixture of catalog-service's integration tests (a bean of {@link TestSupport}): calls the service over
 * HTTP as a given caller, signed as the gateway would, and builds sellers and products through that API, as
 * officials and sellers would.
 */
public final class CatalogApi {

    public static final Caller ADMIN = Caller.of("admin", null, "ADMIN");
    public static final Caller OFFICIAL = Caller.of("official", null, "OFFICIAL");
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final RestClient http;
    private final SignedIdentity identity;

    public CatalogApi(int port, SignedIdentity identity) {
        this.http = RestClient.create("http://localhost:" + port);
        this.identity = identity;
    }

    /** A JSON answer: its status, body (empty when there is none) and headers. */
    public record Reply(int status, Map<String, Object> body, HttpHeaders headers) {
    }

    /** An answer read as bytes (a photo), with its headers. */
    public record Download(int status, byte[] body, HttpHeaders headers) {
    }

    public Reply call(Caller caller, HttpMethod method, String path, Object body) {
        RestClient.RequestBodySpec request = http.method(method).uri(path)
                .headers(h -> h.addAll(identity.headersFor(caller)));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> reply(res));
    }

    /** A request that did not come through the gateway: no identity headers at all. */
    public Reply unsigned(HttpMethod method, String path) {
        return http.method(method).uri(path).exchange((req, res) -> reply(res));
    }

    /** Uploads a file as the multipart part {@code file}, with the name and declared type given. */
    public Reply upload(Caller caller, String path, String filename, String declaredType, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(declaredType));
        form.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        }, part));
        return http.put().uri(path).headers(h -> h.addAll(identity.headersFor(caller)))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((req, res) -> reply(res));
    }

    /** Reads {@code path} as bytes, with the request headers given besides the caller's. */
    public Download download(Caller caller, String path, Map<String, String> headers) {
        return http.get().uri(path).headers(h -> {
            h.addAll(identity.headersFor(caller));
            headers.forEach(h::set);
        }).exchange((req, res) -> {
            byte[] body = res.getBody().readAllBytes();
            return new Download(res.getStatusCode().value(), body, res.getHeaders());
        });
    }

    private static Reply reply(ConvertibleClientHttpResponse res) throws IOException {
        Map<String, Object> parsed = res.getHeaders().getContentLength() == 0 ? Map.of()
                : res.bodyTo(new ParameterizedTypeReference<Map<String, Object>>() { });
        return new Reply(res.getStatusCode().value(), parsed == null ? Map.of() : parsed, res.getHeaders());
    }

    /** A fresh, well-formed unified social credit code (check character computed per GB 32100). */
    public static String newCreditCode() {
        StringBuilder code = new StringBuilder("91230113");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return code.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    public static Map<String, Object> sellerBody(String name, String creditCode, String town) {
        return new HashMap<>(Map.of("name", name, "kind", "COOPERATIVE", "creditCode", creditCode,
                "contact", Map.of("name", "李建国", "phone", "13900139000"), "town", town, "village", "兴功村"));
    }

    public UUID registerSeller(String name, String town) {
        Reply reply = call(OFFICIAL, HttpMethod.POST, "/api/catalog/sellers", sellerBody(name, newCreditCode(), town));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return UUID.fromString((String) reply.body().get("id"));
    }

    public UUID registerSeller() {
        return registerSeller("岗子峪米业有限公司", "双城镇");
    }

    public static Map<String, Object> productBody(Map<String, Object> overrides) {
        Map<String, Object> product = new HashMap<>(Map.of("name", "稻花香大米", "category", "RICE", "unit", "5 kg bag",
                "priceFen", 4990, "costFen", 600, "costReason", "packaging and freight", "stock", 100,
                "brand", "永发鳅田", "description", "五常稻花香，当年新米"));
        product.putAll(overrides);
        return product;
    }

    /** A draft listed by an admin for the seller. */
    public UUID draft(UUID seller, Map<String, Object> overrides) {
        Map<String, Object> body = productBody(overrides);
        body.put("sellerId", seller);
        Reply reply = call(ADMIN, HttpMethod.POST, "/api/catalog/products", body);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.body()).containsEntry("status", "DRAFT");
        return UUID.fromString((String) reply.body().get("id"));
    }

    public Reply requestCertification(Caller caller, UUID product) {
        return call(caller, HttpMethod.POST, "/api/catalog/products/" + product + "/certification-request",
                Map.of("certificateNumber", "FP-2026-" + product.toString().substring(0, 8), "issuingBody",
                        "哈尔滨市扶贫办", "validFrom", LocalDate.now().minusDays(30).toString(), "validUntil",
                        LocalDate.now().plusYears(1).toString()));
    }

    /** Listed, certification requested and approved: on sale. */
    public UUID certified(UUID seller, Map<String, Object> overrides) {
        UUID product = draft(seller, overrides);
        assertThat(requestCertification(ADMIN, product).status()).isEqualTo(200);
        Reply approved = call(OFFICIAL, HttpMethod.POST, "/api/catalog/products/" + product + "/certification/approve", null);
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body()).containsEntry("status", "ON_SALE");
        return product;
    }

    public UUID certified(int stock, long priceFen, long costFen) {
        return certified(registerSeller(), Map.of("name", "翠小妹花生", "category", "PEANUTS", "unit", "500 g bag",
                "priceFen", priceFen, "costFen", costFen, "stock", stock));
    }
}
