package io.fupin.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.catalog.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Paths Tomcat refuses before Spring sees them (an encoded slash, a NUL, bytes that are not UTF-8) are answered
 * as problem+json like every other refusal; they were Tomcat's HTML error page (found by the fuzzer).
 */
@IntegrationTest
class MalformedPathIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void answersPathsTomcatRefusesItselfAsProblems() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/api/catalog/products/%2e%2e%2f%2e%2e%2f", "/api/catalog/products/%00/prices",
                "/api/catalog/sellers/%FF%FE", "/api/catalog/products/..%2F..%2Factuator%2Fenv/prices")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json;charset=UTF-8");
            assertThat(answer.body()).as(path).contains("\"status\":400", "https://fupin.market/problems/bad-request")
                    .doesNotContain("Tomcat", "<html");
        }
    }
}
