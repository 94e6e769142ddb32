package io.fupin.household.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A household as an official types it, in the API or one CSV row: loosely typed so that every wrong
 * field can be named instead of failing on the first. On update, a null identity or account number
 * keeps the stored one (officials need not retype secrets to fix a phone number).
 * <p>
 * The constraints judge the form as {@link #normalised} it (trimmed, the identity number upper-cased, spaces left
 * out of the account number); the rules that need more than one field's text (category names, the village, the
 * income projects, the status) are {@link ValidHousehold}'s.
 */
public record HouseholdForm(
        @NotNull(groups = Registration.class, message = REGISTRATION_RULE)
        @Pattern(groups = Registration.class, regexp = "[A-Za-z0-9-]{1,40}", message = REGISTRATION_RULE)
        String registrationNumber,
        @Size(min = 1, max = 60, message = "must be 1 to 60 characters") String headName,
        @GbIdentityNumber String identityNumber,
        @Pattern(regexp = "1[3-9]\\d{9}", message = "must be an 11-digit mobile number") String mobile,
        @NotNull(message = MEMBERS_RULE) @Min(value = 1, message = MEMBERS_RULE) @Max(value = 30, message = MEMBERS_RULE)
        Integer members,
        String category,
        UUID villageId,
        List<String> incomeProjects,
        @Size(min = 1, max = 100, message = "must be 1 to 100 characters") String bankName,
        @Pattern(regexp = "\\d{10,30}", message = "must be 10 to 30 digits") String accountNumber,
        @Min(value = 1, message = TARGET_RULE) @Max(value = 100_000_000L, message = TARGET_RULE) Long annualTargetFen,
        String status) {

    static final String REGISTRATION_RULE = "must be 1 to 40 letters, digits or dashes";
    static final String MEMBERS_RULE = "must be between 1 and 30";
    static final String TARGET_RULE = "must be between 1 and 100000000";

    /** The rules of a new household beside those of every form: its registration number. */
    interface Registration {
    }

    /**
     * The form as its rules judge it: text trimmed (a missing text is empty), the identity number upper-cased and
     * spaces left out of the account number; on update a missing identity or account number stays missing.
     */
    HouseholdForm normalised(boolean forUpdate) {
        return new HouseholdForm(strip(registrationNumber), strip(headName),
                forUpdate && identityNumber == null ? null : IdentityNumber.normalise(identityNumber), strip(mobile),
                members, strip(category), villageId, incomeProjects, strip(bankName),
                forUpdate && accountNumber == null ? null : strip(accountNumber).replace(" ", ""), annualTargetFen,
                status == null ? null : status.strip());
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
