package io.fupin.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What Tomcat refuses before Spring sees the request, answered by a real Tomcat. */
@SpringBootTest(classes = ProblemErrorReportValveTests.Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemErrorReportValveTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPathTomcatRefusesIsAnsweredAsProblemJson() throws Exception {
        HttpResponse<String> refused = get("/teapot%2F..%2Fsecrets");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
        assertThat(problem.get("type").asString()).isEqualTo(Problems.typeOf("bad-request").toString());
        assertThat(refused.body()).doesNotContain("Tomcat", "<html");
    }

    @Test
    void anAnswerTheApplicationWroteIsLeftAlone() throws Exception {
        HttpResponse<String> teapot = get("/teapot");

        assertThat(teapot.statusCode()).isEqualTo(418);
        assertThat(teapot.body()).isEqualTo("short and stout");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableWebMvc
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            TomcatProblemsAutoConfiguration.class})
    @Import(Teapot.class)
    static class Application {
    }

    @RestController
    static class Teapot {

        @GetMapping("/teapot")
        ResponseEntity<String> teapot() {
            return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).body("short and stout");
        }
    }
}
