package io.fupin.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

@IntegrationTest
class ImportIntegrationTests {

    static final String HEADER = "registrationNumber,headName,identityNumber,mobile,members,category,district,town,village,"
            + "incomeProjects,bankName,accountNumber,annualTargetFen,status\r\n";
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    static String row(String registration, String head, String identity, Fixtures.Village v, String category) {
        return String.join(",", registration, head, identity, "13845670000", "4", category, v.districtName(),
                v.townName(), v.villageName(), "GOOSE;HERBS", "双城农商银行", "6230000011112222", "", "") + "\r\n";
    }

    @Test
    void dryRunReportsEveryBadRowWithItsLineAndWritesNothing() {
        Fixtures.Village v = Fixtures.village(api);
        String bad = Fixtures.freshIdentityNumber();
        String csv = HEADER
                + row(Fixtures.freshRegistrationNumber(), "张三", Fixtures.freshIdentityNumber(), v, "REGISTERED_POOR")
                + row(Fixtures.freshRegistrationNumber(), "李四", bad.substring(0, 17) + (bad.charAt(17) == '3' ? '4' : '3'), v, "MARGINAL")
                + row(Fixtures.freshRegistrationNumber(), "王五", Fixtures.freshIdentityNumber(), v, "边缘户")
                + row("R-DUP-" + v.districtId().toString().substring(0, 6), "赵六", Fixtures.freshIdentityNumber(), v, "NOBODY")
                + row("R-DUP-" + v.districtId().toString().substring(0, 6), "钱七", Fixtures.freshIdentityNumber(), v, "MARGINAL")
                + row(Fixtures.freshRegistrationNumber(), "孙八", Fixtures.freshIdentityNumber(),
                        new Fixtures.Village(v.districtId(), v.districtName(), v.townId(), v.townName(), v.villageId(), "无名村"),
                        "MARGINAL");
        long before = households();

        Api.Answer report = api.postBytes(Api.OFFICIAL, CSV, csv.getBytes(StandardCharsets.UTF_8),
                "/api/households/import?dryRun=true");

        assertThat(report.status()).as(report.text()).isEqualTo(200);
        assertThat(report.body().get("rows").asInt()).isEqualTo(6);
        assertThat(report.body().get("validRows").asInt()).isEqualTo(2);
        assertThat(report.body().get("encoding").asString()).isEqualTo("UTF-8");
        assertThat(report.errorFields()).containsExactly("line 3 identityNumber", "line 5 category",
                "line 6 registrationNumber", "line 7 village");
        assertThat(households()).isEqualTo(before);
    }

    @Test
    void aRealImportWithOneBadRowRegistersNoneAndNamesTheRow() {
        Fixtures.Village v = Fixtures.village(api);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 50; i++) {
            csv.append(row(Fixtures.freshRegistrationNumber(), "户主" + i, Fixtures.freshIdentityNumber(), v, "REGISTERED_POOR"));
        }
        csv.append(row(Fixtures.freshRegistrationNumber(), "", Fixtures.freshIdentityNumber(), v, "MARGINAL"));
        long before = households();

        Api.Answer answer = api.postBytes(Api.OFFICIAL, CSV, csv.toString().getBytes(StandardCharsets.UTF_8),
                "/api/households/import?dryRun=false");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactly("line 52 headName");
        assertThat(answer.body().get("detail").asString()).contains("line 52");
        assertThat(households()).isEqualTo(before);
    }

    @Test
    void importsAGbkFileAsExcelWritesIt() {
        Fixtures.Village v = Fixtures.village(api);
        String registration = Fixtures.freshRegistrationNumber();
        String csv = "户编号,户主姓名,身份证号,手机号,家庭人口,类别,乡镇,村,增收项目,开户行,账号\r\n"
                + String.join(",", registration, "刘翠翠", Fixtures.freshIdentityNumber(), "13845670001", "2",
                        "建档立卡贫困户", v.townName(), v.villageName(), "CHICKEN", "双城农村信用社", "6230000011113333")
                + "\r\n";
        byte[] gbk = csv.getBytes(Charset.forName("GBK"));

        Api.Answer answer = api.postBytes(Api.OFFICIAL, CSV, gbk, "/api/households/import?dryRun=false");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().get("encoding").asString()).isEqualTo("GBK");
        assertThat(answer.body().get("imported").asInt()).isEqualTo(1);
        var stored = jdbc.sql("SELECT head_name, category, annual_target_fen FROM household WHERE registration_number = ?")
                .param(registration).query().singleRow();
        assertThat(stored).containsEntry("head_name", "刘翠翠").containsEntry("category", "REGISTERED_POOR")
                .containsEntry("annual_target_fen", 100_000L);
    }

    @Test
    void importsAnUploadedUtf8FileWithAByteOrderMark() {
        Fixtures.Village v = Fixtures.village(api);
        String registration = Fixtures.freshRegistrationNumber();
        byte[] text = (HEADER + row(registration, "周九", Fixtures.freshIdentityNumber(), v, "MARGINAL"))
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(withBom) {
            @Override
            public String getFilename() {
                return "households.csv";
            }
        });

        Api.Answer answer = api.postMultipart(Api.OFFICIAL, parts, "/api/households/import?dryRun=false");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().get("encoding").asString()).isEqualTo("UTF-8 (BOM)");
        assertThat(jdbc.sql("SELECT head_name FROM household WHERE registration_number = ?").param(registration)
                .query(String.class).single()).isEqualTo("周九");
    }

    @Test
    void exportsInTheImportFormatSoThatAnExportReimportsAsDuplicates() {
        Fixtures.Village v = Fixtures.village(api);
        List<String> identities = new ArrayList<>();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 3; i++) {
            identities.add(Fixtures.freshIdentityNumber());
            csv.append(row(Fixtures.freshRegistrationNumber(), "吴\"老\"十" + i, identities.get(i), v, "REGISTERED_POOR"));
        }
        String quoted = csv.toString().replaceAll("吴\"老\"十(\\d)", "\"吴\"\"老\"\"十$1\"");
        assertThat(api.postBytes(Api.OFFICIAL, CSV, quoted.getBytes(StandardCharsets.UTF_8),
                "/api/households/import?dryRun=false").status()).isEqualTo(200);

        Api.Answer export = api.get(Api.OFFICIAL, "/api/households/export?placeId={id}", v.villageId());

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.text()).startsWith("\uFEFF" + HEADER).contains(identities).contains("\"吴\"\"老\"\"十0\"")
                .contains("6230000011112222").contains("100000,ACTIVE");
        Api.Answer again = api.postBytes(Api.OFFICIAL, CSV, export.raw(), "/api/households/import?dryRun=true");
        assertThat(again.body().get("rows").asInt()).isEqualTo(3);
        assertThat(again.body().get("validRows").asInt()).isZero();
        assertThat(again.errorFields()).containsExactly("line 2 registrationNumber", "line 2 identityNumber",
                "line 3 registrationNumber", "line 3 identityNumber", "line 4 registrationNumber", "line 4 identityNumber");
        assertThat(api.get(Api.ADMIN, "/api/households/audit?action=EXPORT&subjectId={id}", v.villageId()).body().get("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void namesMissingColumnsAndRefusesFilesThatAreNotText() {
        Api.Answer missing = api.postBytes(Api.OFFICIAL, CSV, "registrationNumber,headName\r\nR-1,张三\r\n"
                .getBytes(StandardCharsets.UTF_8), "/api/households/import");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).contains("line 1 identityNumber", "line 1 village", "line 1 accountNumber");
        Api.Answer binary = api.postBytes(Api.OFFICIAL, CSV, new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0x81, 0x30},
                "/api/households/import");
        assertThat(binary.status()).isEqualTo(400);
        assertThat(binary.errorFields()).containsExactly("file");
        assertThat(api.postBytes(Api.CLERK, CSV, HEADER.getBytes(StandardCharsets.UTF_8), "/api/households/import").status())
                .isEqualTo(403);
    }

    @Test
    void aFileOverTwentyMegabytesIsRefusedAs413AndWritesNothing() {
        Fixtures.Village v = Fixtures.village(api);
        byte[] rows = (HEADER + row(Fixtures.freshRegistrationNumber(), "吴十", Fixtures.freshIdentityNumber(), v, "MARGINAL"))
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[20 * 1024 * 1024 + 1];
        Arrays.fill(file, (byte) '\n');
        System.arraycopy(rows, 0, file, 0, rows.length);
        long before = households();

        Api.Answer answer = api.postBytes(Api.OFFICIAL, CSV, file, "/api/households/import?dryRun=false");

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.body().get("type").asString()).startsWith("https://fupin.market/problems/");
        assertThat(households()).isEqualTo(before);
    }

    private long households() {
        return jdbc.sql("SELECT COUNT(*) FROM household").query(Long.class).single();
    }
}
