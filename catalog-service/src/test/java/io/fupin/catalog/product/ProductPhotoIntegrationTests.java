package io.fupin.catalog.product;

import static io.fupin.catalog.CatalogApi.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.catalog.CatalogApi;
import io.fupin.catalog.CatalogApi.Download;
import io.fupin.catalog.CatalogApi.Reply;
import io.fupin.catalog.IntegrationTest;
import io.fupin.support.identity.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** Sellers upload a photo of their products; anyone sees it, cached by version. */
@IntegrationTest
class ProductPhotoIntegrationTests {

    static final int TWO_MB = 2 * 1024 * 1024;

    @Autowired
    CatalogApi api;
    UUID seller;
    Caller owner;

    @BeforeEach
    void setUp() {
        seller = api.registerSeller();
        owner = Caller.of("seller", seller, "SELLER");
    }

    @Test
    void theOwnerUploadsAPhotoServedToAnyoneWithItsVersionAndCaching() throws Exception {
        UUID product = api.draft(seller, Map.of());
        byte[] png = TestImages.encoded("png", 640, 480);

        Reply uploaded = api.upload(owner, photoPath(product), "花生.png", "image/png", png);

        assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(200);
        assertThat(uploaded.body()).containsEntry("mediaType", "image/png").containsEntry("width", 640)
                .containsEntry("height", 480).containsEntry("sizeBytes", png.length);
        String url = (String) uploaded.body().get("url");
        String etag = (String) uploaded.body().get("etag");
        assertThat(url).isEqualTo(photoPath(product) + "?v=" + etag);
        assertThat(api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/products/" + product, null).body())
                .containsEntry("photoUrl", url);

        Download served = get(url, Map.of());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(png);
        assertThat(served.headers().getFirst("Content-Type")).isEqualTo("image/png");
        assertThat(served.headers().getFirst("ETag")).isEqualTo("\"" + etag + "\"");
        assertThat(served.headers().getFirst("Cache-Control"))
                .contains("max-age=31536000", "public", "immutable");
        assertThat(served.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        Download revalidated = get(photoPath(product), Map.of("If-None-Match", "\"" + etag + "\""));
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(get(photoPath(product), Map.of()).headers().getFirst("Cache-Control"))
                .contains("max-age=300").doesNotContain("immutable");
    }

    @Test
    void aNewPhotoReplacesTheOldUnderANewAddressAndTheContentDecidesItsKind() throws Exception {
        UUID product = api.draft(seller, Map.of());
        String first = (String) api.upload(owner, photoPath(product), "a.png", "image/png",
                TestImages.encoded("png", 100, 100)).body().get("url");
        byte[] jpeg = TestImages.encoded("jpg", 800, 600);

        // declared as PNG and named .png, but it is a JPEG: it is stored and served as what it is
        Reply replaced = api.upload(owner, photoPath(product), "b.png", "image/png", jpeg);

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body()).containsEntry("mediaType", "image/jpeg").containsEntry("width", 800);
        assertThat(replaced.body().get("url")).isNotEqualTo(first);
        Download served = get((String) replaced.body().get("url"), Map.of());
        assertThat(served.headers().getFirst("Content-Type")).isEqualTo("image/jpeg");
        assertThat(served.body()).isEqualTo(jpeg);
        assertThat(api.upload(ADMIN, photoPath(product), "c.webp", "application/octet-stream",
                TestImages.webpLossless(300, 200)).body()).containsEntry("mediaType", "image/webp");
    }

    @Test
    void anotherSellerOrAConsumerMayNotUploadAndNothingIsStored() throws Exception {
        UUID product = api.draft(seller, Map.of());
        UUID other = api.registerSeller();
        byte[] png = TestImages.encoded("png", 64, 64);

        Reply byOther = api.upload(Caller.of("seller-other", other, "SELLER"), photoPath(product), "a.png", "image/png", png);
        Reply byConsumer = api.upload(Caller.of("consumer", null, "CONSUMER"), photoPath(product), "a.png", "image/png", png);

        assertThat(byOther.status()).isEqualTo(403);
        assertThat(byConsumer.status()).isEqualTo(403);
        assertThat(byOther.body()).containsEntry("type", "https://fupin.market/problems/forbidden");
        Download none = get(photoPath(product), Map.of());
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.headers().getFirst("Content-Type")).isEqualTo("application/problem+json");
        assertThat(api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/products/" + product, null).body()
                .get("photoUrl")).isNull();
    }

    /**
     * OWASP API7: a photo is the bytes the seller sends, never an address the service fetches. An address in the
     * file, in its name, in an SVG's image reference, or in a product body's extra fields is not followed: a stand-in
     * server at that address sees no request.
     */
    @Test
    void neverFetchesAnAddressItIsGivenForAPhoto() throws Exception {
        java.util.concurrent.atomic.AtomicInteger fetched = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer bait = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        bait.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] png = TestImages.encoded("png", 8, 8);
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
            exchange.close();
        });
        bait.start();
        try {
            String address = "http://127.0.0.1:" + bait.getAddress().getPort() + "/latest/meta-data/photo.png";
            UUID product = api.draft(seller, Map.of("photoUrl", address, "imageUrl", address, "photo", address));

            Reply asText = api.upload(owner, photoPath(product), address, "image/png", address.getBytes(StandardCharsets.UTF_8));
            Reply asSvg = api.upload(owner, photoPath(product), "a.svg", "image/svg+xml", ("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                    + "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><image href=\"" + address + "\" xlink:href=\"" + address
                    + "\" width=\"8\" height=\"8\"/></svg>").getBytes(StandardCharsets.UTF_8));

            assertThat(asText.status()).as(asText.body().toString()).isEqualTo(415);
            assertThat(asSvg.status()).as(asSvg.body().toString()).isEqualTo(415);
            assertThat(api.call(Caller.anonymous(), HttpMethod.GET, "/api/catalog/products/" + product, null).body()
                    .get("photoUrl")).isNull();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> fetched.get() == 0);
        } finally {
            bait.stop(0);
        }
    }

    @Test
    void aTextFileRenamedAsAPhotoIsRefusedAs415() {
        UUID product = api.draft(seller, Map.of());

        Reply refused = api.upload(owner, photoPath(product), "花生.jpg", "image/jpeg",
                "这不是图片，是一段说明文字。".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.body()).containsEntry("type", "https://fupin.market/problems/unsupported-photo")
                .containsEntry("field", "file");
    }

    @Test
    void aFileOverTwoMegabytesIsRefusedAs413AndTooManyPixelsAs400() {
        UUID product = api.draft(seller, Map.of());

        Reply tooBig = api.upload(owner, photoPath(product), "big.png", "image/png",
                TestImages.pngHeader(1000, 1000, TWO_MB + 1));
        Reply tooWide = api.upload(owner, photoPath(product), "wide.png", "image/png",
                TestImages.pngHeader(20_000, 100, 1024));
        Reply empty = api.upload(owner, photoPath(product), "empty.png", "image/png", new byte[0]);

        assertThat(tooBig.status()).as(tooBig.body().toString()).isEqualTo(413);
        assertThat(tooBig.body()).containsEntry("type", "https://fupin.market/problems/photo-too-large");
        assertThat(tooWide.status()).isEqualTo(400);
        assertThat(tooWide.body().get("errors").toString()).contains("file", "20000 × 100");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(api.upload(owner, photoPath(product), "ok.png", "image/png",
                TestImages.pngHeader(1000, 1000, TWO_MB - 1024)).status()).isEqualTo(200);
    }

    @Test
    void anUnknownProductAnswers404ToItsOwnerToo() {
        UUID unknown = UUID.randomUUID();

        assertThat(api.upload(owner, photoPath(unknown), "a.png", "image/png", TestImages.encoded("png", 8, 8))
                .status()).isEqualTo(404);
    }

    @Test
    void searchResultsCarryThePhotoAndRemovingItBringsBackTheCategoryPicture() {
        UUID product = api.certified(seller, Map.of());
        String url = (String) api.upload(owner, photoPath(product), "a.png", "image/png",
                TestImages.encoded("png", 120, 90)).body().get("url");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> items().stream().anyMatch(i -> product.toString().equals(i.get("id"))));
        assertThat(items()).singleElement().satisfies(i -> assertThat(i).containsEntry("photoUrl", url));

        assertThat(api.call(owner, HttpMethod.DELETE, photoPath(product), null).status()).isEqualTo(204);
        assertThat(items()).singleElement().satisfies(i -> assertThat(i.get("photoUrl")).isNull());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items() {
        return (List<Map<String, Object>>) api.call(Caller.anonymous(), HttpMethod.GET,
                "/api/catalog/products?sellerId=" + seller, null).body().get("items");
    }

    private static String photoPath(UUID product) {
        return "/api/catalog/products/" + product + "/photo";
    }

    /** As the gateway forwards a visitor: signed, without a user. */
    private Download get(String path, Map<String, String> headers) {
        return api.download(Caller.anonymous(), path, headers);
    }
}
