package io.fupin.web.clerk;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.web.multipart.MultipartFile;

/**
 * The bank's returned lines read from a CSV file: each line names a line of the batch by household id or by
 * registration number, in its first or second cell (so the payout file's own rows, cut down to the returned ones,
 * will do). The payout file's header and its control line are skipped; anything else that names no line of the
 * batch is reported with its line number.
 */
record ReturnedLines(Set<UUID> households, List<String> unknown) {

    static ReturnedLines read(MultipartFile file, List<ClerkDesk.Batch.Line> lines) {
        Set<UUID> households = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(reader)) {
            for (CSVRecord record : csv) {
                String first = record.get(0).replace("\uFEFF", "");
                if (first.equalsIgnoreCase("household_id") || first.equalsIgnoreCase("CONTROL")) {
                    continue;
                }
                String second = record.size() > 1 ? record.get(1) : "";
                lines.stream().filter(line -> names(line, first) || names(line, second)).findFirst().ifPresentOrElse(
                        line -> households.add(line.householdId()),
                        () -> unknown.add("#" + record.getRecordNumber() + " " + first));
            }
        } catch (IOException | RuntimeException unreadable) {
            unknown.add(String.valueOf(file.getOriginalFilename()));
        }
        return new ReturnedLines(households, unknown);
    }

    private static boolean names(ClerkDesk.Batch.Line line, String cell) {
        return !cell.isBlank() && (line.householdId().toString().equalsIgnoreCase(cell)
                || cell.equals(line.registrationNumber()));
    }
}
