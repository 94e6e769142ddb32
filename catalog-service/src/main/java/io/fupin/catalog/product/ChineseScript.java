package io.fupin.catalog.product;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Simplified and traditional characters, folded both ways with OpenCC's dictionaries: 雞蛋 and 鸡蛋 are the same
 * words to search. Text is indexed and queried in simplified characters, the script people type here.
 */
public final class ChineseScript {

    private ChineseScript() {
    }

    /** The text in simplified characters; anything that is not Chinese stays as it is. */
    public static String simplified(String text) {
        return text == null || text.isBlank() ? text : ZhConverterUtil.toSimple(text);
    }

    /** The text in both scripts (simplified first, each once), for matching stored text of either script. */
    public static List<String> bothScripts(String text) {
        LinkedHashSet<String> forms = new LinkedHashSet<>();
        forms.add(simplified(text));
        forms.add(ZhConverterUtil.toTraditional(forms.getFirst()));
        forms.add(text);
        return List.copyOf(forms);
    }

    /**
     * Loads the converter's dictionaries (a few hundred milliseconds on the first call) and the pinyin
     * dictionary, so that start-up pays for them rather than the first search.
     */
    public static void warmUp() {
        bothScripts("稻花香大米 雞蛋");
        ProductPinyin.terms("稻花香大米");
    }
}
