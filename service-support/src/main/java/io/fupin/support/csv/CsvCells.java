package io.fupin.support.csv;

import java.util.regex.Pattern;

/**
 * Writes one CSV cell (RFC 4180) that a spreadsheet opens as text, never as a formula: every CSV file the
 * platform writes passes each cell through here. A cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, TAB or CR is prefixed with a single quote, which spreadsheets show as text. A plain decimal
 * number ({@code -1250}, {@code -12.50}) is left as it is: spreadsheets read it as a number, not a
 * formula, and money columns are legitimately negative (a refund, a clawback).
 */
public final class CsvCells {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /** The value as a CSV cell: neutralized when it could start a formula, quoted when it must be. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = startsFormula(value) ? "'" + value : value;
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** A whole row of cells, comma-separated, ending in CRLF. */
    public static String row(String... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(values[i]));
        }
        return line.append("\r\n").toString();
    }

    static boolean startsFormula(String value) {
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(value).matches();
    }
}
