package io.fupin.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert rules and dashboards of {@code deploy/observability}, read as Prometheus and Grafana read them, and
 * the metric names their expressions use: each service's integration tests check that it exports the ones it owns.
 */
public final class ObservabilityDocuments {

    /** A metric of the platform or of the Kafka clients, as Prometheus names it. */
    private static final Pattern METRIC = Pattern.compile("\\b(?:fupin|kafka)_[a-z0-9_]+\\b");

    private ObservabilityDocuments() {
    }

    /** {@code deploy/observability}, found from the module the tests run in. */
    public static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/observability");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/observability not found above " + Path.of("").toAbsolutePath());
    }

    /** The rule of an alert: its name, expression, duration, labels and annotations. */
    public record AlertRule(String alert, String expr, String duration, Map<String, Object> labels,
            Map<String, Object> annotations) {
    }

    @SuppressWarnings("unchecked")
    public static List<AlertRule> alertRules() {
        Map<String, Object> document;
        try {
            document = new Yaml().load(Files.readString(directory().resolve("alert-rules.yml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<AlertRule> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                rules.add(new AlertRule((String) rule.get("alert"), String.valueOf(rule.get("expr")),
                        (String) rule.get("for"), (Map<String, Object>) rule.getOrDefault("labels", Map.of()),
                        (Map<String, Object>) rule.getOrDefault("annotations", Map.of())));
            }
        }
        return rules;
    }

    /** Every query of every panel of every dashboard. */
    public static List<String> dashboardQueries() {
        JsonMapper json = new JsonMapper();
        List<String> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory().resolve("dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = json.readTree(Files.readString(file));
                for (JsonNode panel : dashboard.get("panels")) {
                    for (JsonNode target : panel.get("targets")) {
                        queries.add(target.get("expr").asString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries;
    }

    /** The metric names an expression reads. */
    public static Set<String> metricsIn(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /** Every metric the rules and the dashboards read. */
    public static Set<String> metricsRead() {
        Set<String> names = new TreeSet<>();
        alertRules().forEach(rule -> names.addAll(metricsIn(rule.expr())));
        dashboardQueries().forEach(query -> names.addAll(metricsIn(query)));
        return names;
    }
}
