package io.fupin.catalog.search;

import io.fupin.catalog.product.ChineseScript;
import io.fupin.catalog.product.ProductPinyin;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a shopper typed, made comparable with the index: full-width letters and digits made plain, traditional
 * characters made simplified, and quantities ("5kg", "5公斤", "十斤装", "10枚") taken out of the words and
 * written one way ("5000g", "10枚"). A quantity may rank a product higher but never decides whether it is found.
 *
 * @param words what remains to match, in simplified characters; null when the query was only quantities
 * @param quantities the quantities named, canonical (grams, millilitres, or a count with its measure word)
 * @param pinyin the words as one pinyin run ("稻花想" → "daohuaxiang", "Da Mi" → "dami"); null when there is none
 * @param latin whether the words are Latin letters only, i.e. probably pinyin or initials as typed
 */
record ShopperText(String words, List<String> quantities, String pinyin, boolean latin) {

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?|[零一二两三四五六七八九十百千半]+)";
    private static final String UNIT = "(公斤|千克|kg|毫升|ml|克|g|斤|两|升|l|枚|个|颗|只|袋|箱|盒|瓶|包|罐|桶|提|件|份)";
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<![a-z\\d.])" + NUMBER + "\\s*" + UNIT + "(?![a-z])装?", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_NUMBER = Pattern.compile("(?<![a-z\\d.])\\d+(?:\\.\\d+)?(?![a-z\\d.])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    static ShopperText of(String typed) {
        String text = ChineseScript.simplified(Normalizer.normalize(typed, Normalizer.Form.NFKC));
        Set<String> quantities = new LinkedHashSet<>();
        Matcher quantity = QUANTITY.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (quantity.find()) {
            String canonical = canonical(quantity.group(1), quantity.group(2));
            if (canonical != null) {
                quantities.add(canonical);
            }
            quantity.appendReplacement(rest, " ");
        }
        quantity.appendTail(rest);
        String words = BARE_NUMBER.matcher(rest).replaceAll(" ").replaceAll("\\s+", " ").strip();
        if (words.isEmpty()) {
            return new ShopperText(null, List.copyOf(quantities), null, false);
        }
        boolean latin = ProductPinyin.looksLikePinyin(words);
        String pinyin = null;
        if (latin) {
            pinyin = ProductPinyin.normalizeQuery(words);
        } else if (HAN.matcher(words).find()) {
            String reading = ProductPinyin.reading(words);
            pinyin = reading.isEmpty() ? null : reading;
        }
        return new ShopperText(words, List.copyOf(quantities), pinyin, latin);
    }

    /** The quantities a product's unit and name state ("5 kg 袋" → "5000g"), written as a query's are. */
    static List<String> quantitiesIn(String... texts) {
        Set<String> quantities = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                quantities.addAll(of(text).quantities());
            }
        }
        return List.copyOf(quantities);
    }

    /** "5" "公斤" → "5000g", "半" "斤" → "250g", "10" "个" → "10枚"; null when the number cannot be read. */
    private static String canonical(String number, String unit) {
        BigDecimal amount = amount(number);
        if (amount == null) {
            return null;
        }
        String measure = unit.toLowerCase(Locale.ROOT);
        String canonical = switch (measure) {
            case "公斤", "千克", "kg" -> plain(amount.multiply(BigDecimal.valueOf(1000))) + "g";
            case "斤" -> plain(amount.multiply(BigDecimal.valueOf(500))) + "g";
            case "两" -> plain(amount.multiply(BigDecimal.valueOf(50))) + "g";
            case "克", "g" -> plain(amount) + "g";
            case "升", "l" -> plain(amount.multiply(BigDecimal.valueOf(1000))) + "ml";
            case "毫升", "ml" -> plain(amount) + "ml";
            case "个", "颗" -> plain(amount) + "枚";
            default -> plain(amount) + measure;
        };
        return canonical;
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    /** Arabic numbers, and Chinese numbers as written on packs (五, 十, 二十五, 两, 半, 一百). */
    private static BigDecimal amount(String number) {
        if (Character.isDigit(number.charAt(0))) {
            return new BigDecimal(number);
        }
        if ("半".equals(number)) {
            return new BigDecimal("0.5");
        }
        long total = 0;
        long digit = -1;
        for (char c : number.toCharArray()) {
            int value = "零一二三四五六七八九".indexOf(c);
            if (c == '两') {
                value = 2;
            }
            if (value >= 0) {
                digit = value;
                continue;
            }
            long scale = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> 0;
            };
            if (scale == 0) {
                return null;
            }
            total += (digit < 0 ? 1 : digit) * scale;
            digit = -1;
        }
        return BigDecimal.valueOf(total + Math.max(digit, 0));
    }
}
