package io.fupin.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Which component fails, when and for how long: a function of the seed and the run's length alone, so that a
 * run can be repeated exactly. Every application is killed with SIGKILL once, Kafka and Elasticsearch are
 * stopped once, MariaDB is restarted once, and a second instance of order-service and settlement-service runs
 * between two of the steps, while the other faults happen.
 */
record FaultSchedule(long seed, int minutes, List<Step> steps) {

    enum Kind {
        /** {@code kill -9}, down for a while, then started again. */
        KILL,
        /** Stopped (the broker, the search engine), then started again. */
        STOP,
        /** The machine's database server stopped and started again. */
        RESTART_MARIADB,
        /** A second order-service and settlement-service started; they run until {@link #SECOND_INSTANCES_STOP}. */
        SECOND_INSTANCES_START,
        SECOND_INSTANCES_STOP
    }

    /**
     * @param atSecond    when, counted from the workload's start, the step is due (later if the step before it
     *                    has not converged by then)
     * @param downSeconds how long the component stays away before it is started again
     */
    record Step(int number, Kind kind, String component, int atSecond, int downSeconds) {

        String describe() {
            return switch (kind) {
                case KILL -> "kill -9 " + component + ", restart after " + downSeconds + " s";
                case STOP -> "stop " + component + " for " + downSeconds + " s";
                case RESTART_MARIADB -> "restart MariaDB";
                case SECOND_INSTANCES_START -> "start a second order-service and settlement-service";
                case SECOND_INSTANCES_STOP -> "stop the second instances";
            };
        }
    }

    /** The name {@code --skip} takes to run without the second instances. */
    static final String SECOND_INSTANCES = "second-instances";

    static final List<String> APPLICATIONS =
            List.of("order-service", "catalog-service", "settlement-service", "household-service", "gateway");

    /**
     * @param kafkaOutageSeconds how long the broker stays stopped (a minute in the long run)
     * @param skip               components left alone ({@code mariadb} on a machine whose database others use;
     *                           {@value #SECOND_INSTANCES} for no second order-service and settlement-service)
     */
    static FaultSchedule of(long seed, int minutes, int kafkaOutageSeconds, Set<String> skip) {
        Random random = new Random(seed);
        List<Step> faults = new ArrayList<>();
        for (String app : APPLICATIONS) {
            faults.add(new Step(0, Kind.KILL, app, 0, random.nextInt(6)));
        }
        faults.add(new Step(0, Kind.STOP, "kafka", 0, kafkaOutageSeconds));
        faults.add(new Step(0, Kind.STOP, "elasticsearch", 0, Math.max(10, kafkaOutageSeconds / 2)));
        if (!skip.contains("mariadb")) {
            faults.add(new Step(0, Kind.RESTART_MARIADB, "mariadb", 0, 0));
        }
        faults.removeIf(step -> skip.contains(step.component()));
        Collections.shuffle(faults, random);
        // The second instances run from about a quarter of the faults to about three quarters of them.
        List<Step> ordered = new ArrayList<>(faults);
        if (!skip.contains(SECOND_INSTANCES)) {
            ordered.add(Math.max(0, faults.size() / 4), new Step(0, Kind.SECOND_INSTANCES_START, "order-service-2 settlement-service-2", 0, 0));
            ordered.add(Math.min(ordered.size(), 1 + (3 * faults.size()) / 4 + 1),
                    new Step(0, Kind.SECOND_INSTANCES_STOP, "order-service-2 settlement-service-2", 0, 0));
        }
        // Spread over the first 80 % of the run, each due time moved by up to a tenth of the gap between two.
        int span = minutes * 60 * 8 / 10;
        int gap = Math.max(1, span / (ordered.size() + 1));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Step step = ordered.get(i);
            int at = 10 + i * gap + (gap >= 10 ? random.nextInt(gap / 10 + 1) : 0);
            steps.add(new Step(i + 1, step.kind(), step.component(), at, step.downSeconds()));
        }
        return new FaultSchedule(seed, minutes, List.copyOf(steps));
    }

    long faults() {
        return steps.stream().filter(s -> s.kind() != Kind.SECOND_INSTANCES_STOP).count();
    }
}
