package io.fupin.household.registry;

import io.fupin.household.common.InvalidInput.Violation;
import java.util.List;

/** The outcome of an import: for a dry run every bad row; for a real one, how many were registered. */
public record ImportReport(boolean dryRun, String encoding, int rows, int validRows, int imported,
        List<Violation> errors) {
}
