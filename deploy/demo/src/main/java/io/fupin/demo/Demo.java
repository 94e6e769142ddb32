package io.fupin.demo;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code demo load} loads the demo district; {@code demo livestream [--buyers N]} runs the county-head
 * livestream scenario; {@code demo faults [--seed N] [--minutes M]} the fault-injection run ({@link Faults}). They talk to the platform only through the gateway ({@code GATEWAY_URL}).
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        String gateway = System.getenv().getOrDefault("GATEWAY_URL", "http://127.0.0.1:8080");
        String password = System.getenv().getOrDefault("DEMO_PASSWORD", "fupin-demo");
        Api api = new Api(gateway, password);
        String command = arguments.isEmpty() ? "load" : arguments.getFirst();
        try {
            switch (command) {
                case "load" -> new LoadDemo(api).run();
                case "livestream" -> {
                    LoadDemo demo = new LoadDemo(api);
                    demo.run();
                    new Livestream(api, demo, option(arguments, "--buyers", 3000)).run();
                }
                case "faults" -> {
                    // --short: the subset CI can afford (order-service killed mid-payment, settlement-service killed,
                    // the broker stopped 20 s) under a minute of workload; its report goes to the temporary directory
                    // unless --report says where, so that the long run's copy in the repo stays as it is.
                    boolean brief = arguments.contains("--short");
                    Set<String> skip = new HashSet<>(Arrays.asList(text(arguments, "--skip", brief ? SHORT_SKIP : "").split(",")));
                    int minutes = option(arguments, "--minutes", brief ? 1 : 4);
                    FaultSchedule schedule = FaultSchedule.of(option(arguments, "--seed", 1), minutes,
                            option(arguments, "--kafka-outage", minutes >= 10 ? 60 : 20), skip);
                    Path root = Path.of(System.getenv().getOrDefault("REPO_ROOT", "."));
                    Path report = brief ? Path.of(System.getProperty("java.io.tmpdir"), "fupin-faults-short.md")
                            : root.resolve("docs/proof/faults.md");
                    int status = new Faults(api, schedule, option(arguments, "--workers", brief ? 4 : 6),
                            Path.of(text(arguments, "--report", report.toString())),
                            root.resolve("docs/proof/faults-findings.md"), brief ? " --short" : "").run();
                    System.exit(status);
                }
                default -> {
                    System.err.println("usage: demo load | demo livestream [--buyers N] | demo faults [--short] [--seed N] [--minutes M] "
                            + "[--kafka-outage S] [--skip mariadb] [--workers N] [--report FILE]");
                    System.exit(2);
                }
            }
        } catch (LoadDemo.StepFailed e) {
            // One line that deploy/local/fupin repeats in its summary; the stack trace stays in the load's log.
            e.printStackTrace();
            System.err.println("FAILED STEP: " + e.step + ": " + e.getCause().getMessage());
            System.exit(1);
        }
    }

    /** Everything but order-service, settlement-service and the broker. */
    private static final String SHORT_SKIP =
            "elasticsearch,mariadb,catalog-service,household-service,gateway," + FaultSchedule.SECOND_INSTANCES;

    private static String text(List<String> arguments, String name, String fallback) {
        int at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? arguments.get(at + 1) : fallback;
    }

    private static int option(List<String> arguments, String name, int fallback) {
        int at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? Integer.parseInt(arguments.get(at + 1)) : fallback;
    }
}
