package io.fupin.settlement.web;

import io.fupin.settlement.IntegrationTest;
import io.fupin.support.testing.OpenApiDocument;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document settlement-service publishes (and writes to target/openapi for the linter). */
@IntegrationTest
class OpenApiDocumentIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void publishesADocumentTheGatewaysSwaggerUiCanUse() throws Exception {
        OpenApiDocument.of("settlement-service", port).isPublishable();
    }

    /** OWASP API7: no operation takes an address the service would fetch (see {@link OpenApiDocument#takesNoUrl}). */
    @Test
    void takesNoAddressToFetchFromItsCallers() throws Exception {
        OpenApiDocument.of("settlement-service", port).takesNoUrl();
    }
}
