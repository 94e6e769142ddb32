package io.fupin.household.income;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * DOMAIN.md: the district has 2,355 registered poor + 256 marginal households; 214 poor + 5 marginal
 * gained 1,954 yuan each, which makes 427,926 yuan (not the "4.28 million" the report typed).
 */
@IntegrationTest
class DistrictReportIntegrationTests {

    static final int POOR = 2355;
    static final int MARGINAL = 256;
    static final long GAIN_FEN = 195_400;

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDistrictsHouseholdsReproduceTheReportsTotalsFromTheLedger() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID district = Fixtures.place(api, "DISTRICT", "双城区" + suffix, null);
        List<String[]> villages = new ArrayList<>();
        String[] towns = {"幸福满族乡", "韩甸镇", "单城镇", "东官镇", "农丰满族锡伯族镇"};
        for (String town : towns) {
            UUID townId = Fixtures.place(api, "TOWN", town, district);
            for (int k = 1; k <= 4; k++) {
                String village = (town.equals("幸福满族乡") && k == 1) ? "兴功村" : town.substring(0, 2) + k + "村";
                Fixtures.place(api, "VILLAGE", village, townId);
                villages.add(new String[] {town, village});
            }
        }
        StringBuilder csv = new StringBuilder("registrationNumber,headName,identityNumber,mobile,members,category,district,"
                + "town,village,incomeProjects,bankName,accountNumber,annualTargetFen,status\n");
        for (int i = 0; i < POOR + MARGINAL; i++) {
            String[] place = villages.get(i % villages.size());
            csv.append(String.join(",", "SC" + suffix + "-" + String.format("%04d", i), "户主" + i, Fixtures.identityNumber(i),
                    "138" + String.format("%08d", i), Integer.toString(1 + i % 6), i < POOR ? "REGISTERED_POOR" : "MARGINAL",
                    "双城区" + suffix, place[0], place[1], i % 3 == 0 ? "GOOSE" : "CHICKEN;GARLIC", "双城农村信用社",
                    "62300000" + String.format("%010d", i), "", "")).append('\n');
        }

        Api.Answer imported = api.postBytes(Api.OFFICIAL, MediaType.parseMediaType("text/csv"),
                csv.toString().getBytes(StandardCharsets.UTF_8), "/api/households/import?dryRun=false");
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.body().get("imported").asInt()).isEqualTo(2611);

        UUID lastImported = jdbc.sql("SELECT id FROM household WHERE registration_number = ?")
                .param("SC" + suffix + "-2610").query((rs, n) -> UUID.fromString(rs.getString(1))).single();
        JsonNode registered = api.awaitRecords("household-service.household-events.v1", lastImported.toString(),
                found -> !found.isEmpty()).getFirst();
        assertThat(registered.get("eventType").asString()).isEqualTo("HouseholdRegistered");
        assertThat(registered.at("/payload/registrationNumber").asString()).isEqualTo("SC" + suffix + "-2610");
        assertThat(registered.at("/payload/category").asString()).isEqualTo("MARGINAL");
        assertThat(registered.at("/payload/payoutAccount/accountMasked").asString()).isEqualTo("6230**********2610");
        assertThat(registered.toString()).doesNotContain("623000000000002610");

        Map<String, UUID> ids = jdbc.sql("SELECT registration_number, id FROM household WHERE registration_number LIKE ?")
                .param("SC" + suffix + "-%").query((rs, n) -> Map.entry(rs.getString(1), UUID.fromString(rs.getString(2))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<UUID> lifted = new ArrayList<>();
        for (int i = 0; i < 214; i++) {
            lifted.add(ids.get("SC" + suffix + "-" + String.format("%04d", i)));
        }
        for (int i = POOR; i < POOR + 5; i++) {
            lifted.add(ids.get("SC" + suffix + "-" + String.format("%04d", i)));
        }
        // Two payouts, the second delivered twice: counted once.
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String first = payout(UUID.randomUUID(), UUID.randomUUID(), paidAt.minusSeconds(60), lifted, 100_000);
        String second = payout(UUID.randomUUID(), UUID.randomUUID(), paidAt, lifted, GAIN_FEN - 100_000);
        api.send("settlement-service.payout-events.v1", "a", first);
        api.send("settlement-service.payout-events.v1", "b", second);
        api.send("settlement-service.payout-events.v1", "b", second);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM income_entry WHERE household_id IN (:ids)").param("ids",
                lifted.stream().map(UUID::toString).toList()).query(Long.class).single() == 2 * 219);

        JsonNode report = api.get(Api.OFFICIAL, "/api/households/reports/places/{id}", district).body();
        JsonNode total = report.get("total");
        assertThat(total.get("households").asInt()).isEqualTo(2611);
        assertThat(report.at("/byCategory/REGISTERED_POOR/households").asInt()).isEqualTo(2355);
        assertThat(report.at("/byCategory/MARGINAL/households").asInt()).isEqualTo(256);
        assertThat(total.get("reached").asInt()).isEqualTo(219);
        assertThat(report.at("/byCategory/REGISTERED_POOR/reached").asInt()).isEqualTo(214);
        assertThat(report.at("/byCategory/MARGINAL/reached").asInt()).isEqualTo(5);
        assertThat(total.get("totalIncomeFen").asLong()).isEqualTo(42_792_600L); // 427,926 yuan
        assertThat(total.get("averageIncomeOfReachedFen").asLong()).isEqualTo(GAIN_FEN);
        assertThat(total.get("averageIncomeFen").asLong()).isEqualTo(16_389); // 42,792,600 / 2,611 rounded
        assertThat(total.get("onTrack").asInt() + total.get("behind").asInt()).isEqualTo(2611 - 219);
        assertThat(report.get("parts").size()).isEqualTo(5);
        assertThat(report.get("parts").findValues("total").stream().mapToLong(t -> t.get("totalIncomeFen").asLong()).sum())
                .isEqualTo(42_792_600L);
        assertThat(report.get("parts").findValues("total").stream().mapToInt(t -> t.get("households").asInt()).sum())
                .isEqualTo(2611);

        JsonNode progress = api.get(Api.CLERK, "/api/households/{id}/progress", lifted.getFirst()).body();
        assertThat(progress.get("incomeFen").asLong()).isEqualTo(GAIN_FEN);
        assertThat(progress.get("targetFen").asLong()).isEqualTo(100_000);
        assertThat(progress.get("percent").decimalValue()).isEqualByComparingTo("195.4");
        assertThat(progress.get("status").asString()).isEqualTo("REACHED");
        assertThat(progress.get("reachedOn").asString())
                .isEqualTo(LocalDate.ofInstant(paidAt, ZoneId.of("Asia/Shanghai")).toString());

        String csvReport = api.get(Api.OFFICIAL, "/api/households/reports/places/{id}.csv", district).text();
        assertThat(csvReport).contains("双城区" + suffix + ",DISTRICT," + progress.get("year").asInt()
                + ",2611,2355,256,219,");
        assertThat(csvReport).contains(",42792600,16389,195400");
        String households = api.get(Api.OFFICIAL, "/api/households/reports/places/{id}/households.csv", district).text();
        assertThat(households.lines().count()).isEqualTo(1 + 2611);
        assertThat(households.lines().filter(l -> l.contains(",REACHED,")).count()).isEqualTo(219);
    }

    @Test
    void tellsWhetherAHouseholdIsOnTrackOrBehindForTheTimeOfYear() {
        Fixtures.Village v = Fixtures.village(api);
        UUID some = Fixtures.household(api, v.villageId());
        UUID none = Fixtures.household(api, v.villageId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        api.send("settlement-service.payout-events.v1", "c", payout(UUID.randomUUID(), UUID.randomUUID(), now,
                List.of(some), 99_999));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM income_entry WHERE household_id = ?")
                .param(some.toString()).query(Long.class).single() == 1);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        boolean onTrack = 99_999L * today.lengthOfYear() >= 100_000L * today.getDayOfYear();
        JsonNode progress = api.get(Api.OFFICIAL, "/api/households/{id}/progress", some).body();
        assertThat(progress.get("status").asString()).isEqualTo(onTrack ? "ON_TRACK" : "BEHIND");
        assertThat(progress.get("percent").decimalValue()).isEqualByComparingTo("99.9");
        assertThat(progress.get("reachedOn").isNull()).isTrue();
        assertThat(api.get(Api.OFFICIAL, "/api/households/{id}/progress", none).body().get("status").asString())
                .isEqualTo("BEHIND");
        JsonNode village = api.get(Api.OFFICIAL, "/api/households/reports/places/{id}", v.villageId()).body();
        assertThat(village.at("/total/households").asInt()).isEqualTo(2);
        assertThat(village.at("/total/totalIncomeFen").asLong()).isEqualTo(99_999);
        assertThat(village.at("/total/averageIncomeFen").asLong()).isEqualTo(50_000);
        assertThat(api.get(Api.CONSUMER, "/api/households/reports/places/{id}", v.villageId()).status()).isEqualTo(403);
    }

    static String payout(UUID eventId, UUID batch, Instant paidAt, List<UUID> households, long amountEach) {
        String lines = households.stream().map(h -> "{\"householdId\":\"" + h + "\",\"amountFen\":" + amountEach
                + ",\"orderIds\":[\"" + UUID.randomUUID() + "\"]}").collect(Collectors.joining(","));
        return """
                {"eventId":"%s","eventType":"PayoutBatchPaid","eventVersion":1,"occurredAt":"%s","aggregateId":"%s",
                 "payload":{"batchId":"%s","batchReference":"PB-TEST","bankReference":"RCC-1","paidAt":"%s",
                 "totalFen":%d,"lines":[%s]}}""".formatted(eventId, paidAt, batch, batch, paidAt,
                amountEach * households.size(), lines);
    }
}
