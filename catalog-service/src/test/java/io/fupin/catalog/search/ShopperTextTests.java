package io.fupin.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShopperTextTests {

    @Test
    void takesQuantitiesOutOfTheWordsAndWritesThemOneWay() {
        assertThat(ShopperText.of("大米 5kg")).isEqualTo(new ShopperText("大米", List.of("5000g"), "dami", false));
        assertThat(ShopperText.of("5公斤大米").quantities()).containsExactly("5000g");
        assertThat(ShopperText.of("小米5斤").quantities()).containsExactly("2500g");
        assertThat(ShopperText.of("花生 500G").quantities()).containsExactly("500g");
        assertThat(ShopperText.of("鹅蛋十枚装").quantities()).containsExactly("10枚");
        assertThat(ShopperText.of("鹅蛋十枚装").words()).isEqualTo("鹅蛋");
        assertThat(ShopperText.of("二十五公斤 大米").quantities()).containsExactly("25000g");
        assertThat(ShopperText.of("半斤瓜子").quantities()).containsExactly("250g");
        assertThat(ShopperText.of("鸡蛋 ３０个").quantities()).containsExactly("30枚");
    }

    @Test
    void aQueryOfQuantitiesAloneHasNoWordsToRequire() {
        ShopperText text = ShopperText.of("5公斤");
        assertThat(text.words()).isNull();
        assertThat(text.quantities()).containsExactly("5000g");
        assertThat(ShopperText.of("2026").words()).isNull();
    }

    @Test
    void foldsTraditionalCharactersAndReadsPinyinForSoundAlikeTypos() {
        assertThat(ShopperText.of("雞蛋").words()).isEqualTo("鸡蛋");
        assertThat(ShopperText.of("稻花想").pinyin()).isEqualTo("daohuaxiang");
        assertThat(ShopperText.of("大迷").pinyin()).isEqualTo("dami");
        ShopperText latin = ShopperText.of("Da Mi");
        assertThat(latin.latin()).isTrue();
        assertThat(latin.pinyin()).isEqualTo("dami");
    }

    @Test
    void leavesNumbersThatArePartOfWordsAlone() {
        assertThat(ShopperText.of("三七粉").words()).isEqualTo("三七粉");
        assertThat(ShopperText.of("整只大鹅").words()).isEqualTo("整只大鹅");
        assertThat(ShopperText.of("百合").words()).isEqualTo("百合");
    }

    @Test
    void readsPackSizesOfAProductUnit() {
        assertThat(ShopperText.quantitiesIn("5 kg 袋")).containsExactly("5000g");
        assertThat(ShopperText.quantitiesIn("整只 約 4.5 kg")).containsExactly("4500g");
        assertThat(ShopperText.quantitiesIn("30 枚 箱")).containsExactly("30枚");
        assertThat(ShopperText.quantitiesIn("5 L 桶")).containsExactly("5000ml");
    }
}
