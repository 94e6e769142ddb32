package io.fupin.web.format;

import java.util.OptionalLong;

/** Amounts are integer fen; they are shown as yuan with integer arithmetic only, never through a double. */
public final class Money {

    private Money() {
    }

    /** {@code 398000} → {@code ¥3,980.00}; {@code -5} → {@code -¥0.05}. */
    public static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        // Math.abs(Long.MIN_VALUE) overflows: split before taking the magnitude.
        long whole = Math.abs(fen / 100);
        long cents = Math.abs(fen % 100);
        return sign + "¥" + String.format("%,d.%02d", whole, cents);
    }

    /**
     * What a seller types, in yuan ({@code 19.9}, {@code ¥1,980.00}), as fen, read digit by digit: empty when it
     * is not an amount of at most two decimals or exceeds ten million yuan.
     */
    public static OptionalLong fen(String yuan) {
        if (yuan == null) {
            return OptionalLong.empty();
        }
        String text = yuan.strip().replace("¥", "").replace(",", "");
        if (!text.matches("\\d{1,8}(\\.\\d{1,2})?")) {
            return OptionalLong.empty();
        }
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String cents = dot < 0 ? "00" : (text.substring(dot + 1) + "0").substring(0, 2);
        long fen = Long.parseLong(whole) * 100 + Long.parseLong(cents);
        return fen > 1_000_000_000L ? OptionalLong.empty() : OptionalLong.of(fen);
    }
}
