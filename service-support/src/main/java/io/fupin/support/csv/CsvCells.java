package io.fupin.support.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV (RFC 4180, through Commons CSV) that a spreadsheet opens as text, never as a formula: every CSV
 * file the platform writes passes each cell through here. A cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, TAB or CR is prefixed with a single quote, which spreadsheets show as text. A plain decimal
 * number ({@code -1250}, {@code -12.50}) is left as it is: spreadsheets read it as a number, not a
 * formula, and money columns are legitimately negative (a refund, a clawback).
 */
public final class CsvCells {

    /** RFC 4180: comma, double quotes where needed, CRLF after every record. Readers use it too. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /** The value as a spreadsheet must see it: prefixed with a quote when it could start a formula. */
    public static String guard(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return startsFormula(value) ? "'" + value : value;
    }

    /** A whole row: each cell guarded, quoted when it must be, ending in CRLF. */
    public static String row(String... values) {
        StringBuilder line = new StringBuilder();
        try {
            new CSVPrinter(line, FORMAT).printRecord(Arrays.stream(values).map(CsvCells::guard));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return line.toString();
    }

    static boolean startsFormula(String value) {
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(value).matches();
    }
}
