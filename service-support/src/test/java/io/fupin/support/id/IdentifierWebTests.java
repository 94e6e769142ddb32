package io.fupin.support.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.support.problem.ProblemHandling;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A controller of typed ids in a service's web slice: they arrive as path variables, parameters, headers and in
 * bodies as UUID strings, a malformed one is a 400 naming it, and the OpenAPI document shows each as a UUID string,
 * exactly as the same controller with UUIDs.
 */
@WebMvcTest(properties = {"fupin.identity.secret=an-identity-secret-of-at-least-32-bytes", "spring.application.name=parcels"})
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class, SpringDocWebMvcConfiguration.class})
class IdentifierWebTests {

    record ParcelId(UUID value) implements Identifier {
    }

    record SenderId(UUID value) implements Identifier {
    }

    record Parcel(ParcelId id, SenderId sender) {
    }

    record RawParcel(UUID id, UUID sender) {
    }

    @RestController
    static class Parcels {

        @GetMapping("/parcels/{id}")
        Parcel parcel(@PathVariable ParcelId id, @RequestParam SenderId sender) {
            return new Parcel(id, sender);
        }

        @PostMapping("/parcels")
        Parcel send(@RequestHeader("X-Sender") SenderId sender, @RequestBody Parcel parcel) {
            return new Parcel(parcel.id(), sender);
        }

        @GetMapping("/raw/{id}")
        RawParcel raw(@PathVariable UUID id, @RequestParam UUID sender) {
            return new RawParcel(id, sender);
        }

        @PostMapping("/raw")
        RawParcel sendRaw(@RequestHeader("X-Sender") UUID sender, @RequestBody RawParcel parcel) {
            return new RawParcel(parcel.id(), sender);
        }
    }

    @RestControllerAdvice
    static class Problems extends ProblemHandling {
    }

    @SpringBootConfiguration
    @Import({Parcels.class, Problems.class})
    static class Application {
    }

    final UUID one = UUID.fromString("3f1c2a9e-5b7d-4e8f-9a01-23456789abcd");
    final UUID two = UUID.fromString("0a0b0c0d-1e1f-4a4b-8c8d-9e9fa0a1a2a3");

    @Autowired
    MockMvc mvc;

    @Test
    void pathVariablesAndParametersAreIds() throws Exception {
        mvc.perform(get("/parcels/{id}", one).param("sender", two.toString()))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"id\":\"" + one + "\",\"sender\":\"" + two + "\"}", true));
    }

    @Test
    void headersAndBodiesAreIds() throws Exception {
        mvc.perform(post("/parcels").header("X-Sender", two.toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"" + one + "\",\"sender\":\"" + one + "\"}"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"id\":\"" + one + "\",\"sender\":\"" + two + "\"}", true));
    }

    @Test
    void aMalformedIdIsAnInvalidRequestNamingIt() throws Exception {
        mvc.perform(get("/parcels/{id}", "not-a-uuid").param("sender", two.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(get("/parcels/{id}", one).param("sender", "42"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sender"));
        mvc.perform(post("/parcels").header("X-Sender", "x").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"" + one + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/parcels").header("X-Sender", two.toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"nope\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://fupin.market/problems/malformed-request"));
    }

    @Test
    void theOpenApiDocumentShowsIdsAsUuidsExactlyAsWithUuids() throws Exception {
        JsonNode api = JsonMapper.builder().build().readTree(mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(api.at("/components/schemas/Parcel/properties"))
                .isEqualTo(api.at("/components/schemas/RawParcel/properties"));
        assertThat(api.at("/components/schemas/Parcel/properties/id/format").asString()).isEqualTo("uuid");
        assertThat(api.at("/paths/~1parcels~1{id}/get/parameters"))
                .isEqualTo(api.at("/paths/~1raw~1{id}/get/parameters"));
        assertThat(api.at("/paths/~1parcels~1{id}/get/parameters/0/schema/format").asString()).isEqualTo("uuid");
        assertThat(api.at("/paths/~1parcels/post/parameters")).isEqualTo(api.at("/paths/~1raw/post/parameters"));
        assertThat(api.at("/paths/~1parcels/post/parameters/0/schema/type").asString()).isEqualTo("string");
    }
}
