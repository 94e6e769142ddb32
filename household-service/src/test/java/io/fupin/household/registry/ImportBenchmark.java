package io.fupin.household.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not part of the normal build: {@code ./mvnw -q -B -pl household-service -Pbench verify}. Imports
 * 10,000 households (GBK, as Excel saves them) through the HTTP API against the real MariaDB and prints
 * how long the dry run, the real import, draining the outbox to Kafka and the export took.
 */
@IntegrationTest
class ImportBenchmark {

    static final int ROWS = 10_000;

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void importsTenThousandHouseholds() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID district = Fixtures.place(api, "DISTRICT", "基准区" + suffix, null);
        String[][] villages = new String[40][];
        for (int t = 0; t < 8; t++) {
            UUID town = Fixtures.place(api, "TOWN", "基准镇" + t, district);
            for (int k = 0; k < 5; k++) {
                Fixtures.place(api, "VILLAGE", "基准村" + k, town);
                villages[t * 5 + k] = new String[] {"基准镇" + t, "基准村" + k};
            }
        }
        StringBuilder csv = new StringBuilder("户编号,户主姓名,身份证号,手机号,家庭人口,类别,区,乡镇,村,增收项目,开户行,账号\r\n");
        for (int i = 0; i < ROWS; i++) {
            String[] v = villages[i % villages.length];
            csv.append(String.join(",", "BM" + suffix + "-" + i, "户主" + i, Fixtures.identityNumber(5_000_000 + i),
                    "139" + String.format("%08d", i), "3", i % 9 == 0 ? "边缘户" : "建档立卡贫困户", "基准区" + suffix, v[0], v[1],
                    "GOOSE;GARLIC", "双城农村信用社", "62300001" + String.format("%010d", i))).append("\r\n");
        }
        byte[] gbk = csv.toString().getBytes(Charset.forName("GBK"));
        MediaType type = MediaType.parseMediaType("text/csv");

        long t0 = System.nanoTime();
        Api.Answer dry = api.postBytes(Api.OFFICIAL, type, gbk, "/api/households/import?dryRun=true");
        long t1 = System.nanoTime();
        Api.Answer real = api.postBytes(Api.OFFICIAL, type, gbk, "/api/households/import?dryRun=false");
        long t2 = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL").query(Long.class).single() == 0);
        long t3 = System.nanoTime();
        Api.Answer export = api.get(Api.OFFICIAL, "/api/households/export?placeId={d}", district);
        long t4 = System.nanoTime();

        assertThat(dry.body().get("validRows").asInt()).as(dry.text()).isEqualTo(ROWS);
        assertThat(real.body().get("imported").asInt()).as(real.text()).isEqualTo(ROWS);
        assertThat(export.text().lines().count()).isEqualTo(ROWS + 1);
        System.out.printf("%nImport benchmark, %d rows, %d KB GBK:%n  dry run        %5d ms%n  real import    %5d ms%n"
                + "  outbox drained %5d ms after the import answered (%d HouseholdRegistered events)%n"
                + "  export         %5d ms (%d KB UTF-8)%n%n", ROWS, gbk.length / 1024, (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, ROWS, (t4 - t3) / 1_000_000,
                export.text().getBytes(StandardCharsets.UTF_8).length / 1024);
    }
}
