package io.fupin.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.system.Platform.Reply;
import java.time.LocalDate;
import java.time.ZoneId;
import tools.jackson.databind.JsonNode;

/**
 * Settlement periods as the system tests share them. A period is a range of whole days (Asia/Shanghai) and
 * periods never overlap, so a period through today can be closed once a day: by the clerk console's journey or by
 * the walking skeleton's livestream, whichever runs first (CI runs them in one Maven run after {@code fupin reset},
 * in an order neither may rely on). The first closes today's period; the other works with that latest batch in
 * whatever state it finds it, and the livestream then leaves its own money payable for the next period.
 */
final class SettlementDays {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private SettlementDays() {
    }

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    /** The day after the last closed period (today when none is closed yet), or null when today's is closed. */
    static LocalDate firstOpenDay(Platform platform) {
        JsonNode last = latestPeriod(platform);
        LocalDate first = last == null ? today() : LocalDate.parse(last.get("lastDay").asString()).plusDays(1);
        return first.isAfter(today()) ? null : first;
    }

    /** The latest closed period with its batch ({@code periodId, batchId, batchStatus, ...}), or null. */
    static JsonNode latestPeriod(Platform platform) {
        Reply periods = platform.get("clerk", "/api/settlements/periods?size=200");
        assertThat(periods.status()).as(periods.raw().body()).isEqualTo(200);
        JsonNode items = periods.body().get("items");
        return items.isEmpty() ? null : items.get(items.size() - 1);
    }

    /** A batch as the API shows it, with its lines. */
    static JsonNode batch(Platform platform, String batchId) {
        Reply batch = platform.get("clerk", "/api/settlements/batches/" + batchId);
        assertThat(batch.status()).as(batch.raw().body()).isEqualTo(200);
        return batch.body();
    }

    /** What the bank paid of a batch: its lines not returned. */
    static long paidFen(JsonNode batch) {
        long paid = 0;
        for (JsonNode line : batch.get("lines")) {
            if ("PAID".equals(line.get("status").asString())) {
                paid += line.get("amountFen").asLong();
            }
        }
        return paid;
    }
}
