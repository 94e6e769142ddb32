package io.fupin.household.registry;

import io.fupin.household.common.InvalidInput;
import io.fupin.household.common.InvalidInput.Violation;
import io.fupin.support.csv.CsvCells;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The household spreadsheet format, for import and export alike: RFC 4180 CSV, one household per row,
 * a header row naming the columns (English names, or the Chinese ones officials' sheets use).
 */
final class HouseholdCsv {

    static final List<String> COLUMNS = List.of("registrationNumber", "headName", "identityNumber", "mobile", "members",
            "category", "district", "town", "village", "incomeProjects", "bankName", "accountNumber", "annualTargetFen",
            "status");
    static final List<String> REQUIRED = List.of("registrationNumber", "headName", "identityNumber", "mobile", "members",
            "category", "town", "village", "incomeProjects", "bankName", "accountNumber");

    private static final Map<String, String> ALIASES = aliases();
    private static final Charset GBK = Charset.forName("GBK");

    private HouseholdCsv() {
    }

    /** Decoded text and the encoding it was found in. */
    record Decoded(String text, String encoding) {
    }

    /**
     * UTF-8 with a byte-order mark, UTF-8 that decodes cleanly, otherwise GBK (what Excel on a Chinese
     * Windows writes). Pure ASCII is valid in both, so the order does not matter for it.
     */
    static Optional<Decoded> decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return strict(bytes, 3, StandardCharsets.UTF_8).map(t -> new Decoded(t, "UTF-8 (BOM)"));
        }
        return strict(bytes, 0, StandardCharsets.UTF_8).map(t -> new Decoded(t, "UTF-8"))
                .or(() -> strict(bytes, 0, GBK).map(t -> new Decoded(t, "GBK")));
    }

    private static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** One record and the file line it starts on (1-based, the header being line 1). */
    record Row(int line, List<String> cells) {
    }

    /**
     * Splits RFC 4180 text into records (Commons CSV: quoted cells may hold commas, quotes ("") and line breaks;
     * CRLF, LF and a lone CR, as old Mac Excel wrote, all end a line). Rows whose every cell is blank are left out.
     * Text that is not CSV (a quote that never closes, text after a closing quote) is refused.
     */
    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CsvCells.FORMAT.parse(new StringReader(text))) {
            int start = 1;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (!cells.stream().allMatch(String::isBlank)) {
                    rows.add(new Row(start, List.copyOf(cells)));
                }
                start = (int) parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInput(List.of(new Violation("file", "is not valid CSV: " + rootMessage(e), null)));
        }
        return rows;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** Maps each known column to its index in the header row; unknown columns are ignored. */
    static Map<String, Integer> header(List<String> cells) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip();
            String canonical = ALIASES.get(name.toLowerCase(Locale.ROOT));
            if (canonical != null) {
                index.putIfAbsent(canonical, i);
            }
        }
        return index;
    }

    static List<String> projects(String cell) {
        return Arrays.stream(cell.split("[;；|、/]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** One exported line; every cell passes the formula guard. */
    static String line(List<String> cells) {
        return CsvCells.row(cells.toArray(String[]::new));
    }

    private static Map<String, String> aliases() {
        Map<String, String> aliases = new HashMap<>();
        COLUMNS.forEach(c -> aliases.put(c.toLowerCase(Locale.ROOT), c));
        // Simplified, as people here write them, and the traditional spellings some older exports use.
        String[][] chinese = {
                {"户编号", "registrationNumber"}, {"登记编号", "registrationNumber"}, {"户主姓名", "headName"},
                {"户主", "headName"}, {"身份证号", "identityNumber"}, {"身份证号码", "identityNumber"},
                {"手机号", "mobile"}, {"联系电话", "mobile"}, {"家庭人口", "members"}, {"人口数", "members"},
                {"类别", "category"}, {"户类别", "category"}, {"区", "district"}, {"区县", "district"},
                {"乡镇", "town"}, {"镇", "town"}, {"村", "village"}, {"行政村", "village"},
                {"增收项目", "incomeProjects"}, {"产业项目", "incomeProjects"}, {"开户行", "bankName"},
                {"开户银行", "bankName"}, {"账号", "accountNumber"}, {"银行账号", "accountNumber"},
                {"年增收目标(分)", "annualTargetFen"}, {"增收目标(分)", "annualTargetFen"}, {"状态", "status"},
                {"戶編號", "registrationNumber"}, {"登記編號", "registrationNumber"}, {"戶主姓名", "headName"},
                {"戶主", "headName"}, {"身份證號", "identityNumber"}, {"身份證號碼", "identityNumber"},
                {"手機號", "mobile"}, {"聯系電話", "mobile"}, {"人口數", "members"},
                {"類別", "category"}, {"戶類別", "category"}, {"區", "district"}, {"區縣", "district"},
                {"鄉鎮", "town"}, {"鎮", "town"},
                {"增收項目", "incomeProjects"}, {"產業項目", "incomeProjects"}, {"開戶行", "bankName"},
                {"開戶銀行", "bankName"}, {"賬號", "accountNumber"}, {"銀行賬號", "accountNumber"},
                {"年增收目標(分)", "annualTargetFen"}, {"增收目標(分)", "annualTargetFen"}, {"狀態", "status"}};
        for (String[] pair : chinese) {
            aliases.put(pair[0], pair[1]);
        }
        return aliases;
    }
}
