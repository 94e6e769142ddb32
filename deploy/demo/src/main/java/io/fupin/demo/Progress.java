package io.fupin.demo;

import java.io.PrintStream;

/** A one-line progress bar on the terminal (plain lines when the output is not a terminal). */
final class Progress {

    private final PrintStream out = System.out;
    private final boolean terminal = System.console() != null;
    private final String label;
    private final int total;
    private int done;
    private int lastPercent = -1;

    Progress(String label, int total) {
        this.label = label;
        this.total = Math.max(total, 1);
    }

    synchronized void step(int n) {
        done += n;
        int percent = (int) (100L * done / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * 30 / 100;
        String bar = "#".repeat(filled) + ".".repeat(30 - filled);
        if (terminal) {
            out.printf("\r  %-28s [%s] %3d%% (%d/%d)", label, bar, percent, done, total);
            if (done >= total) {
                out.println();
            }
        } else if (percent % 25 == 0 || done >= total) {
            out.printf("  %-28s [%s] %3d%% (%d/%d)%n", label, bar, percent, done, total);
        }
    }
}
