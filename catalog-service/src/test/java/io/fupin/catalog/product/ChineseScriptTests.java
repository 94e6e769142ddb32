package io.fupin.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseScriptTests {

    @Test
    void foldsTraditionalToSimplifiedAndLeavesOtherTextAlone() {
        assertThat(ChineseScript.simplified("雙城鎮興功村 笨雞蛋 5 kg")).isEqualTo("双城镇兴功村 笨鸡蛋 5 kg");
        assertThat(ChineseScript.simplified("稻花香大米")).isEqualTo("稻花香大米");
    }

    @Test
    void givesBothScriptsForMatchingStoredText() {
        assertThat(ChineseScript.bothScripts("雞蛋")).containsExactly("鸡蛋", "雞蛋");
        assertThat(ChineseScript.bothScripts("鹅")).containsExactly("鹅", "鵝");
        assertThat(ChineseScript.bothScripts("dami")).containsExactly("dami");
    }
}
