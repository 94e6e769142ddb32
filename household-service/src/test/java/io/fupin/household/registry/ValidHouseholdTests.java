package io.fupin.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.common.InvalidInput.Violation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The register's rules, as the API's body and each CSV row are judged by them. */
class ValidHouseholdTests {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final UUID VILLAGE = UUID.randomUUID();

    static HouseholdForm form(String registration, String identity, String mobile, Integer members, String account,
            Long target) {
        return new HouseholdForm(registration, " 王芳 ", identity, mobile, members, "边缘户", VILLAGE,
                List.of("goose"), "农村信用社", account, target, null);
    }

    @Test
    void aValidFormIsNormalised() {
        ValidHousehold.Result result = ValidHousehold.check(VALIDATOR,
                form(" SC-0001 ", "11010519491231002x", " 13800138000 ", 3, "6229 0000 1234 9012", null), false,
                VILLAGE::equals);

        assertThat(result.violations()).isEmpty();
        ValidHousehold valid = result.household();
        assertThat(valid.registrationNumber()).isEqualTo("SC-0001");
        assertThat(valid.headName()).isEqualTo("王芳");
        assertThat(valid.identityNumber()).isEqualTo("11010519491231002X");
        assertThat(valid.mobile()).isEqualTo("13800138000");
        assertThat(valid.accountNumber()).isEqualTo("6229000012349012");
        assertThat(valid.category()).isEqualTo(HouseholdCategory.MARGINAL);
        assertThat(valid.annualTargetFen()).isEqualTo(ValidHousehold.DEFAULT_TARGET_FEN);
    }

    @Test
    void namesEveryBrokenFieldInTheFormsOrderWithItsRule() {
        ValidHousehold.Result result = ValidHousehold.check(VALIDATOR,
                form("SC 0001", "110105194912310021", "12345", 0, "12", 0L), false, id -> false);

        assertThat(result.household()).isNull();
        assertThat(result.violations()).containsExactly(
                new Violation("registrationNumber", "must be 1 to 40 letters, digits or dashes"),
                new Violation("identityNumber", "check digit does not match"),
                new Violation("mobile", "must be an 11-digit mobile number"),
                new Violation("members", "must be between 1 and 30"),
                new Violation("village", "unknown village"),
                new Violation("accountNumber", "must be 10 to 30 digits"),
                new Violation("annualTargetFen", "must be between 1 and 100000000"));
    }

    @Test
    void aNewHouseholdNeedsItsNumbersAChangeMayKeepThem() {
        HouseholdForm withoutNumbers = form(null, null, "13800138000", null, null, null);

        assertThat(ValidHousehold.check(VALIDATOR, withoutNumbers, false, VILLAGE::equals).violations())
                .extracting(Violation::field)
                .containsExactly("registrationNumber", "identityNumber", "members", "accountNumber");
        ValidHousehold.Result change = ValidHousehold.check(VALIDATOR, form(null, null, "13800138000", 2, null, null),
                true, VILLAGE::equals);
        assertThat(change.violations()).isEmpty();
        assertThat(change.household().identityNumber()).isNull();
        assertThat(change.household().accountNumber()).isNull();
    }
}
