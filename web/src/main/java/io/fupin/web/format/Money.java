package io.fupin.web.format;

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
}
