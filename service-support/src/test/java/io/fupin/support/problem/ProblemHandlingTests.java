package io.fupin.support.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every 4xx Spring MVC answers on its own carries a type, a title, a status and a detail; no answer, 4xx or 500,
 * tells of the code behind it (exception, parser message, query, the caller's input echoed back).
 */
class ProblemHandlingTests {

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new OrdersController())
            .setControllerAdvice(new Handling()).build();

    @Test
    void aMissingHeaderIsAnInvalidRequestNamingTheHeader() throws Exception {
        complete(mvc.perform(post("/orders")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void aMissingParameterIsAnInvalidRequestNamingTheParameter() throws Exception {
        complete(mvc.perform(get("/orders")), 400, "invalid-request")
                .andExpect(jsonPath("$.errors[0].field").value("view"));
    }

    @Test
    void anUnsupportedMethodHasATypeToo() throws Exception {
        complete(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/orders")),
                405, "method-not-allowed");
    }

    @Test
    void anUnsupportedMediaTypeHasATypeToo() throws Exception {
        complete(mvc.perform(post("/orders/json").contentType(MediaType.TEXT_PLAIN).content("x")),
                415, "unsupported-media-type");
    }

    @Test
    void anUnexpectedFailureAnswers500SayingNothingInternal() throws Exception {
        String answer = complete(mvc.perform(get("/orders/broken")), 500, "internal-error")
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain("IllegalStateException", "SELECT", "orders_secret", "at io.fupin", "trace",
                "exception");
    }

    @Test
    void anUnreadableBodyIsAMalformedRequestSayingNothingOfTheParser() throws Exception {
        String answer = complete(mvc.perform(post("/orders/record").contentType(MediaType.APPLICATION_JSON)
                .content("{\"quantity\": \"<script>\"")), 400, "malformed-request")
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain("<script>", "deserialize", "`int`", "jackson", "Exception", "io.fupin");
    }

    @Test
    void aRefusalIsAnsweredWithItsTypeItsMessageAndItsExtensionMembers() throws Exception {
        complete(mvc.perform(get("/orders/sold-out")), 409, "sold-out")
                .andExpect(jsonPath("$.detail").value("Product 42 is sold out."))
                .andExpect(jsonPath("$.productId").value("42"))
                .andExpect(header().doesNotExist(HttpHeaders.RETRY_AFTER));
    }

    @Test
    void aRefusalThatSaysWhenToRetryAnswersRetryAfterAndHidesItsMessage() throws Exception {
        complete(mvc.perform(get("/orders/unavailable")), 503, "service-unavailable")
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                .andExpect(jsonPath("$.detail").value("Try again shortly."));
    }

    @Test
    void invalidInputNamesItsFieldLikeBeanValidation() throws Exception {
        complete(mvc.perform(get("/orders").param("view", "seller")), 400, "invalid-request")
                .andExpect(jsonPath("$.detail").value("Invalid lastDay."))
                .andExpect(jsonPath("$.errors[0].field").value("lastDay"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be before the first day"));
    }

    @Test
    void everyProblemTypeHasItsOwnSlug() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::slug).distinct())
                .hasSize(ProblemType.values().length)
                .allMatch(slug -> slug.matches("[a-z]+(-[a-z]+)*"));
        assertThat(ProblemType.NOT_FOUND.uri()).hasToString("https://fupin.market/problems/not-found");
    }

    @Test
    void aProblemWrittenOutsideSpringMvcIsFlatJsonWithEveryCharacterEscaped() throws Exception {
        ProblemDetail problem = ProblemType.FORBIDDEN.problem("No \"quotes\"\nor newlines break it.");
        problem.setProperty("field", "x");
        String json = new String(Problems.json(problem), StandardCharsets.UTF_8);
        assertThat(JsonMapper.builder().build().readTree(json).properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "field");
        assertThat(JsonMapper.builder().build().readTree(json).get("detail").asString())
                .isEqualTo("No \"quotes\"\nor newlines break it.");
    }

    private static ResultActions complete(ResultActions result, int status, String slug) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + slug))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @RestController
    static class OrdersController {
        @PostMapping("/orders")
        String place(@RequestHeader("Idempotency-Key") String key) {
            return key;
        }

        @GetMapping("/orders")
        String list(@RequestParam String view) {
            if (view.equals("seller")) {
                throw new InvalidInput("lastDay", "must not be before the first day");
            }
            return view;
        }

        @GetMapping("/orders/sold-out")
        String soldOut() {
            throw new SoldOut("42");
        }

        @GetMapping("/orders/unavailable")
        String unavailable() {
            throw new Unavailable();
        }

        @GetMapping("/orders/broken")
        String broken() {
            throw new IllegalStateException("SELECT card FROM orders_secret failed");
        }

        record Line(int quantity) {
        }

        @PostMapping(path = "/orders/record", consumes = MediaType.APPLICATION_JSON_VALUE)
        int record(@org.springframework.web.bind.annotation.RequestBody Line line) {
            return line.quantity();
        }

        @PostMapping(path = "/orders/json", consumes = MediaType.APPLICATION_JSON_VALUE)
        String json(@org.springframework.web.bind.annotation.RequestBody String body) {
            return body;
        }
    }

    static class SoldOut extends Refusal {
        private final String productId;

        SoldOut(String productId) {
            super(ProblemType.SOLD_OUT, "Product " + productId + " is sold out.");
            this.productId = productId;
        }

        @Override
        protected Map<String, Object> properties() {
            return Map.of("productId", productId);
        }
    }

    static class Unavailable extends Refusal {
        Unavailable() {
            super(ProblemType.SERVICE_UNAVAILABLE, "stock-db-7 refused the connection");
        }

        @Override
        protected String detail() {
            return "Try again shortly.";
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.of(Duration.ofSeconds(5));
        }
    }

    @org.springframework.web.bind.annotation.RestControllerAdvice
    static class Handling extends ProblemHandling {
    }
}
