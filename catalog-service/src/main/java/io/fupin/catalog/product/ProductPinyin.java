package io.fupin.catalog.product;

import com.github.houbb.pinyin.constant.enums.PinyinStyleEnum;
import com.github.houbb.pinyin.util.PinyinHelper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pinyin for finding Chinese names by Latin letters: "dami" and the initials "dm" find 大米. The library
 * reads polyphonic characters by phrase, which is why it runs on whole names rather than per character; it
 * still misreads some (长粒香 as "zhanglixiang"), so each polyphonic character's other readings are indexed
 * as well ("changlixiang"). Text is read in simplified characters, whatever script it was written in.
 */
public final class ProductPinyin {

    /** Longer runs than this are not typed by anyone; the cap keeps the term list small. */
    private static final int MAX_RUN = 8;
    /** The size of the stored column the database fallback searches. */
    private static final int MAX_STORED = 2000;

    private ProductPinyin() {
    }

    /**
     * Full pinyin and initials of each text, without spaces, then the same with each polyphonic character read
     * another way: the database fallback matches substrings of it.
     */
    static String of(String... texts) {
        Set<String> parts = new LinkedHashSet<>();
        for (String text : texts) {
            List<Syllable> syllables = syllables(text);
            if (!syllables.isEmpty()) {
                parts.add(full(syllables, -1, null));
                parts.add(initials(syllables, -1, null));
            }
        }
        for (String text : texts) {
            List<Syllable> syllables = syllables(text);
            for (int at = 0; at < syllables.size(); at++) {
                for (String other : syllables.get(at).others()) {
                    parts.add(full(syllables, at, other));
                    parts.add(initials(syllables, at, other));
                }
            }
        }
        StringBuilder stored = new StringBuilder();
        for (String part : parts) {
            if (stored.length() + part.length() + 1 > MAX_STORED) {
                break;
            }
            stored.append(stored.isEmpty() ? "" : " ").append(part);
        }
        return stored.toString();
    }

    /**
     * Every run of consecutive syllables of the text, in full and as initials ("dami", "dm", "daohuaxiang",
     * "dhx" ...), also with each polyphonic character of the run read another way: a query typed in pinyin is
     * then one exact term lookup.
     */
    public static Set<String> terms(String text) {
        List<Syllable> syllables = syllables(text);
        Set<String> terms = new LinkedHashSet<>();
        for (int from = 0; from < syllables.size(); from++) {
            for (int to = from + 1; to <= Math.min(syllables.size(), from + MAX_RUN); to++) {
                List<Syllable> run = syllables.subList(from, to);
                terms.add(full(run, -1, null));
                terms.add(initials(run, -1, null));
                for (int at = 0; at < run.size(); at++) {
                    for (String other : run.get(at).others()) {
                        terms.add(full(run, at, other));
                        terms.add(initials(run, at, other));
                    }
                }
            }
        }
        return terms;
    }

    /** Full syllables only, without initials: for seller and place names, where initials would match too much. */
    public static Set<String> fullTerms(String text) {
        List<Syllable> syllables = syllables(text);
        Set<String> terms = new LinkedHashSet<>();
        for (int from = 0; from < syllables.size(); from++) {
            for (int to = from + 2; to <= Math.min(syllables.size(), from + MAX_RUN); to++) {
                terms.add(full(syllables.subList(from, to), -1, null));
            }
        }
        return terms;
    }

    /** The pinyin of Chinese text as one word ("稻花想" → "daohuaxiang"): a homophone typo reads the same. */
    public static String reading(String text) {
        return full(syllables(text), -1, null);
    }

    /** A query as it would be compared with {@link #terms}: lower case, no spaces or apostrophes. */
    public static String normalizeQuery(String query) {
        return query.toLowerCase(Locale.ROOT).replaceAll("[\\s'’]+", "");
    }

    /** Whether a query could be pinyin (Latin letters only), as opposed to Chinese or a number. */
    public static boolean looksLikePinyin(String query) {
        String normalized = normalizeQuery(query);
        return !normalized.isEmpty() && normalized.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    /** One syllable as read in its phrase, and the other readings of its character. */
    private record Syllable(String reading, List<String> others) {
    }

    private static String full(List<Syllable> syllables, int swapAt, String swap) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < syllables.size(); i++) {
            out.append(i == swapAt ? swap : syllables.get(i).reading());
        }
        return out.toString();
    }

    private static String initials(List<Syllable> syllables, int swapAt, String swap) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < syllables.size(); i++) {
            out.append((i == swapAt ? swap : syllables.get(i).reading()).charAt(0));
        }
        return out.toString();
    }

    private static List<Syllable> syllables(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String simplified = ChineseScript.simplified(text.strip());
        List<String> readings = Arrays.stream(PinyinHelper.toPinyin(simplified, PinyinStyleEnum.NORMAL)
                        .toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(s -> !s.isEmpty())
                .toList();
        List<List<String>> others = otherReadings(simplified);
        boolean aligned = others.size() == readings.size();
        List<Syllable> syllables = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            String reading = readings.get(i);
            List<String> alternatives = !aligned ? List.of()
                    : others.get(i).stream().filter(o -> !o.isEmpty() && !o.equals(reading)).distinct().toList();
            syllables.add(new Syllable(reading, alternatives));
        }
        return syllables;
    }

    /**
     * Every reading of each Chinese character, and nothing for each run of letters and digits: one entry per
     * word the pinyin library writes, so that the two line up.
     */
    private static List<List<String>> otherReadings(String text) {
        List<List<String>> others = new ArrayList<>();
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                inWord = false;
                others.add(PinyinHelper.toPinyinList(c, PinyinStyleEnum.NORMAL).stream()
                        .map(r -> r.toLowerCase(Locale.ROOT)).toList());
            } else if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    others.add(List.of());
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return others;
    }
}
