package io.fupin.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Benchmark figures: printed and appended to {@code target/bench/results.md}. */
public final class BenchReport {

    private BenchReport() {
    }

    public static void line(String text) {
        System.out.println("[bench] " + text);
        try {
            Path file = Path.of("target", "bench", "results.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The p-th percentile (0..100) of latencies in nanoseconds, in milliseconds. */
    public static double percentileMillis(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }

    public static int intProperty(String name, int fallback) {
        return Integer.getInteger(name, fallback);
    }
}
