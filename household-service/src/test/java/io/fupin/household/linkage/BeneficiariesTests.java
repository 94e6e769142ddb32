package io.fupin.household.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BeneficiariesTests {

    @Test
    void keepsOnlyTheFirstCharacterOfAName() {
        assertThat(Beneficiaries.mask("王秀兰")).isEqualTo("王**");
        assertThat(Beneficiaries.mask("欧阳")).isEqualTo("欧*");
        assertThat(Beneficiaries.mask("𠀋一")).isEqualTo("𠀋*");
        assertThat(Beneficiaries.mask("")).isEqualTo("*");
    }
}
