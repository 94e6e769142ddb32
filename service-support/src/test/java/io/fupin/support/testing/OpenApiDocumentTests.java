package io.fupin.support.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OpenApiDocumentTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void findsAnAddressTakenFromTheCallerInAParameterOrAnywhereInABody() {
        assertThatThrownBy(() -> document("""
                {"paths": {"/api/x": {"get": {"parameters": [{"name": "redirect", "in": "query", "schema": {"type": "string"}}]}}}}
                """).takesNoUrl()).hasMessageContaining("GET /api/x parameter redirect");
        assertThatThrownBy(() -> document("""
                {"paths": {"/api/products": {"post": {"requestBody": {"content": {"application/json":
                  {"schema": {"$ref": "#/components/schemas/Form"}}}}}}},
                 "components": {"schemas": {
                   "Form": {"type": "object", "properties": {"name": {"type": "string"},
                     "photos": {"type": "array", "items": {"$ref": "#/components/schemas/Photo"}}}},
                   "Photo": {"type": "object", "properties": {"photoUrl": {"type": "string"}}}}}}
                """).takesNoUrl()).hasMessageContaining("POST /api/products body.photos[].photoUrl");
        assertThatThrownBy(() -> document("""
                {"paths": {"/api/x": {"put": {"requestBody": {"content": {"application/json":
                  {"schema": {"type": "object", "properties": {"picture": {"type": "string", "format": "uri"}}}}}}}}}}
                """).takesNoUrl()).hasMessageContaining("format uri");
    }

    @Test
    void acceptsUploadsAsBytesAndAddressesOnlyInAnswers() {
        assertThatCode(() -> document("""
                {"paths": {"/api/products/{id}/photo": {"put": {
                  "parameters": [{"name": "id", "in": "path", "schema": {"type": "string", "format": "uuid"}}],
                  "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}}}}}},
                  "responses": {"200": {"content": {"application/json": {"schema": {"type": "object",
                    "properties": {"url": {"type": "string"}}}}}}}}}}}
                """).takesNoUrl()).doesNotThrowAnyException();
    }

    private static OpenApiDocument document(String json) {
        return OpenApiDocument.of("test", JSON.readTree(json));
    }
}
