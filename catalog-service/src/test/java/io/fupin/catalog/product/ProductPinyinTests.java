package io.fupin.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductPinyinTests {

    @Test
    void indexesEveryRunOfSyllablesInFullAndAsInitials() {
        assertThat(ProductPinyin.terms("稻花香大米"))
                .contains("dami", "dm", "daohuaxiang", "dhx", "daohuaxiangdami", "dhxdm", "mi", "m")
                .doesNotContain("aohua", "hd");
    }

    @Test
    void normalizesWhatPeopleTypeAndTellsPinyinFromChinese() {
        assertThat(ProductPinyin.normalizeQuery("Da Mi")).isEqualTo("dami");
        assertThat(ProductPinyin.looksLikePinyin("Da Mi")).isTrue();
        assertThat(ProductPinyin.looksLikePinyin("大米")).isFalse();
        assertThat(ProductPinyin.looksLikePinyin("500g")).isFalse();
    }

    @Test
    void storesFullPinyinAndInitialsForTheDatabaseFallback() {
        assertThat(ProductPinyin.of("稻花香大米", null)).startsWith("daohuaxiangdami dhxdm ");
    }

    @Test
    void alsoIndexesTheOtherReadingsOfPolyphonicCharacters() {
        assertThat(ProductPinyin.terms("长粒香大米")).contains("changlixiang", "clx", "changlixiangdami");
        assertThat(ProductPinyin.of("长粒香大米")).contains("changlixiangdami");
    }

    @Test
    void readsTraditionalCharactersAsTheirSimplifiedForms() {
        assertThat(ProductPinyin.terms("笨雞蛋")).contains("benjidan", "bjd", "jidan");
        assertThat(ProductPinyin.reading("鵝蛋")).isEqualTo("edan");
    }
}
