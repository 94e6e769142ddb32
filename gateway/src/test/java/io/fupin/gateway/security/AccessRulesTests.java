package io.fupin.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.gateway.routing.ApiRoute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.pattern.PathPatternParser;

class AccessRulesTests {

    @Test
    void readmeShowsTheTableTheGatewayApplies() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).as("README.md's access table; paste AccessRules.asMarkdown()").contains(AccessRules.asMarkdown());
    }

    @Test
    void decidesEveryRouteBeforeTheCatchAllForApi() {
        int catchAll = indexOf("/api/**");
        for (ApiRoute route : ApiRoute.ALL) {
            boolean decided = AccessRules.TABLE.subList(0, catchAll).stream()
                    .anyMatch(rule -> PathPatternParser.defaultInstance.parse(rule.pattern()).matches(
                            org.springframework.http.server.PathContainer.parsePath(route.path().replace("/**", "/x"))));
            assertThat(decided).as("route %s has a row of its own", route.id()).isTrue();
        }
    }

    @Test
    void neverOpensInternalPathsToAnyRule() {
        assertThat(AccessRules.TABLE).noneMatch(rule -> rule.pattern().startsWith("/internal"));
    }

    private static int indexOf(String pattern) {
        for (int i = 0; i < AccessRules.TABLE.size(); i++) {
            if (AccessRules.TABLE.get(i).pattern().equals(pattern)) {
                return i;
            }
        }
        throw new AssertionError("no row " + pattern);
    }
}
