package io.fupin.support.testing;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.support.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What a {@link ControllerSlice} expects of a service's answers: problem+json of a stable type, and JSON bodies. */
public final class Slices {

    private Slices() {
    }

    /**
     * A problem+json answer of the type {@code https://fupin.market/problems/<slug>}: the status in the header and
     * the body, the status's reason phrase as title, and a detail.
     */
    public static ResultMatcher problem(int status, String slug) {
        return all(
                status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value(Problems.TYPE_BASE + slug),
                jsonPath("$.status").value(status),
                jsonPath("$.title").value(HttpStatus.valueOf(status).getReasonPhrase()),
                jsonPath("$.detail").isNotEmpty());
    }

    /** A 400 {@code invalid-request} naming exactly these fields in {@code errors}. */
    public static ResultMatcher invalid(String... fields) {
        return all(problem(400, "invalid-request"),
                jsonPath("$.errors[*].field").value(containsInAnyOrder(fields)),
                jsonPath("$.errors[*].message").isNotEmpty());
    }

    /** The request with {@code body} as its JSON content. */
    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static ResultMatcher all(ResultMatcher... matchers) {
        return result -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }
}
