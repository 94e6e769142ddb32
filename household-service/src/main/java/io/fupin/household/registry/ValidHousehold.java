package io.fupin.household.registry;

import io.fupin.household.common.InvalidInput.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** A form that passed every rule, normalised; {@code identityNumber}/{@code accountNumber} null means "keep". */
record ValidHousehold(String registrationNumber, String headName, String identityNumber, String mobile, int members,
        HouseholdCategory category, UUID villageId, Set<IncomeProject> incomeProjects, String bankName,
        String accountNumber, long annualTargetFen, HouseholdStatus status) {

    /** 1,000 yuan a year (戶均增收千元). */
    static final long DEFAULT_TARGET_FEN = 100_000;

    /** The names people write in simplified characters, and the traditional spellings of older exports. */
    private static final Map<String, HouseholdCategory> CATEGORY_NAMES = Map.of(
            "REGISTERED_POOR", HouseholdCategory.REGISTERED_POOR, "MARGINAL", HouseholdCategory.MARGINAL,
            "建档立卡贫困户", HouseholdCategory.REGISTERED_POOR, "贫困户", HouseholdCategory.REGISTERED_POOR,
            "边缘户", HouseholdCategory.MARGINAL,
            "建檔立卡貧困戶", HouseholdCategory.REGISTERED_POOR, "貧困戶", HouseholdCategory.REGISTERED_POOR,
            "邊緣戶", HouseholdCategory.MARGINAL);

    /** The order the form names its fields in; violations are reported in it, whichever rule found them. */
    private static final List<String> FIELDS = List.of("registrationNumber", "headName", "identityNumber", "mobile",
            "members", "category", "village", "incomeProjects", "bankName", "accountNumber", "annualTargetFen",
            "status");

    /**
     * Checks every field, with the form's Bean Validation constraints and the rules that need lookups, and returns
     * the violations found (empty when valid), in the order of the form's fields.
     *
     * @param forUpdate secrets may be left out, registration number is not checked
     * @param villageExists whether a village id names a known village
     */
    static Result check(Validator validator, HouseholdForm raw, boolean forUpdate, Predicate<UUID> villageExists) {
        HouseholdForm form = raw.normalised(forUpdate);
        List<Violation> problems = new ArrayList<>();
        Class<?>[] groups = forUpdate ? new Class<?>[] {Default.class}
                : new Class<?>[] {Default.class, HouseholdForm.Registration.class};
        for (ConstraintViolation<HouseholdForm> violation : validator.validate(form, groups)) {
            problems.add(new Violation(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        HouseholdCategory category = CATEGORY_NAMES.get(form.category().toUpperCase(Locale.ROOT));
        if (category == null) {
            problems.add(new Violation("category", "must be REGISTERED_POOR or MARGINAL"));
        }
        if (form.villageId() == null || !villageExists.test(form.villageId())) {
            problems.add(new Violation("village", "unknown village"));
        }
        Set<IncomeProject> projects = EnumSet.noneOf(IncomeProject.class);
        for (String project : form.incomeProjects() == null ? List.<String>of() : form.incomeProjects()) {
            try {
                projects.add(IncomeProject.valueOf(trim(project).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("incomeProjects", "unknown project " + project
                        + " (GOOSE, CHICKEN, PIG, HERBS, GARLIC, SHALLOT, OTHER)"));
            }
        }
        if (projects.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("incomeProjects"))) {
            problems.add(new Violation("incomeProjects", "at least one project is needed"));
        }
        HouseholdStatus status = HouseholdStatus.ACTIVE;
        if (form.status() != null && !form.status().isBlank()) {
            try {
                status = HouseholdStatus.valueOf(form.status().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("status", "must be ACTIVE, LIFTED or DEREGISTERED"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(p -> FIELDS.indexOf(p.field())));
            return new Result(null, problems);
        }
        return new Result(new ValidHousehold(form.registrationNumber(), form.headName(), form.identityNumber(),
                form.mobile(), form.members(), category, form.villageId(), projects, form.bankName(),
                form.accountNumber(), form.annualTargetFen() == null ? DEFAULT_TARGET_FEN : form.annualTargetFen(),
                status), List.of());
    }

    record Result(ValidHousehold household, List<Violation> violations) {
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    static String maskAccount(String account) {
        return account.substring(0, 4) + "*".repeat(account.length() - 8) + account.substring(account.length() - 4);
    }

    static String maskMobile(String mobile) {
        return mobile.length() < 7 ? mobile : mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }
}
