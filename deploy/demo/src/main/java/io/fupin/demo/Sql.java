package io.fupin.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only queries across the services' databases, for checking invariants after a run: through the
 * {@code mysql} client as the server's administrator ({@code MYSQL_ADMIN_USER}, default root without password,
 * on {@code MYSQL_HOST}:{@code MYSQL_PORT}). Only SELECT statements are sent.
 */
final class Sql {

    List<String[]> rows(String select) {
        if (!select.stripLeading().regionMatches(true, 0, "SELECT", 0, 6)) {
            throw new IllegalArgumentException("read-only queries only: " + select);
        }
        List<String> command = new ArrayList<>(List.of("mysql", "-N", "-B", "--default-character-set=utf8mb4",
                "-h", System.getenv().getOrDefault("MYSQL_HOST", "127.0.0.1"),
                "-P", System.getenv().getOrDefault("MYSQL_PORT", "3306"),
                "-u", System.getenv().getOrDefault("MYSQL_ADMIN_USER", "root")));
        String password = System.getenv("MYSQL_ADMIN_PASSWORD");
        if (password != null && !password.isEmpty()) {
            command.add("-p" + password);
        }
        command.addAll(List.of("-e", select));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("query failed: " + err.strip() + "\n" + select);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long number(String select) {
        List<String[]> rows = rows(select);
        return rows.isEmpty() || rows.getFirst()[0].equals("NULL") ? 0 : Long.parseLong(rows.getFirst()[0]);
    }
}
