package io.fupin.catalog.web;

import io.fupin.catalog.IntegrationTest;
import io.fupin.support.testing.OpenApiDocument;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document catalog-service publishes (and writes to target/openapi for the linter). */
@IntegrationTest
class OpenApiDocumentIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void publishesADocumentTheGatewaysSwaggerUiCanUse() throws Exception {
        OpenApiDocument.of("catalog-service", port).isPublishable();
    }

    /** OWASP API7: no operation takes an address the service would fetch (see {@link OpenApiDocument#takesNoUrl}). */
    @Test
    void takesNoAddressToFetchFromItsCallers() throws Exception {
        OpenApiDocument.of("catalog-service", port).takesNoUrl();
    }
}
