package io.fupin.demo;

import java.util.Arrays;
import java.util.List;

/**
 * {@code demo load} loads the demo district; {@code demo livestream [--buyers N]} runs the county-head
 * livestream scenario. Both talk to the platform only through the gateway ({@code GATEWAY_URL}).
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
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
                default -> {
                    System.err.println("usage: demo load | demo livestream [--buyers N]");
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

    private static int option(List<String> arguments, String name, int fallback) {
        int at = arguments.indexOf(name);
        return at >= 0 && at + 1 < arguments.size() ? Integer.parseInt(arguments.get(at + 1)) : fallback;
    }
}
