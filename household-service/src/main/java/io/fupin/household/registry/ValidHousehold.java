package io.fupin.household.registry;

import io.fupin.household.common.InvalidInput.Violation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** A form that passed every rule, normalised; {@code identityNumber}/{@code accountNumber} null means "keep". */
record ValidHousehold(String registrationNumber, String headName, String identityNumber, String mobile, int members,
        HouseholdCategory category, UUID villageId, Set<IncomeProject> incomeProjects, String bankName,
        String accountNumber, long annualTargetFen, HouseholdStatus status) {

    /** 1,000 yuan a year (戶均增收千元). */
    static final long DEFAULT_TARGET_FEN = 100_000;

    private static final Pattern REGISTRATION = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{10,30}");
    /** The names people write in simplified characters, and the traditional spellings of older exports. */
    private static final Map<String, HouseholdCategory> CATEGORY_NAMES = Map.of(
            "REGISTERED_POOR", HouseholdCategory.REGISTERED_POOR, "MARGINAL", HouseholdCategory.MARGINAL,
            "建档立卡贫困户", HouseholdCategory.REGISTERED_POOR, "贫困户", HouseholdCategory.REGISTERED_POOR,
            "边缘户", HouseholdCategory.MARGINAL,
            "建檔立卡貧困戶", HouseholdCategory.REGISTERED_POOR, "貧困戶", HouseholdCategory.REGISTERED_POOR,
            "邊緣戶", HouseholdCategory.MARGINAL);

    /**
     * Checks every field and returns the violations found (empty when valid).
     *
     * @param forUpdate secrets may be left out, registration number is not checked
     * @param villageExists whether a village id names a known village
     */
    static Result check(HouseholdForm form, boolean forUpdate, Predicate<UUID> villageExists) {
        List<Violation> problems = new ArrayList<>();
        String registration = trim(form.registrationNumber());
        if (!forUpdate && !REGISTRATION.matcher(registration).matches()) {
            problems.add(new Violation("registrationNumber", "must be 1 to 40 letters, digits or dashes"));
        }
        String head = trim(form.headName());
        if (head.isEmpty() || head.length() > 60) {
            problems.add(new Violation("headName", "must be 1 to 60 characters"));
        }
        String identity = null;
        if (!(forUpdate && form.identityNumber() == null)) {
            identity = IdentityNumber.normalise(form.identityNumber());
            IdentityNumber.problem(identity).ifPresent(p -> problems.add(new Violation("identityNumber", p)));
        }
        String mobile = trim(form.mobile());
        if (!MOBILE.matcher(mobile).matches()) {
            problems.add(new Violation("mobile", "must be an 11-digit mobile number"));
        }
        if (form.members() == null || form.members() < 1 || form.members() > 30) {
            problems.add(new Violation("members", "must be between 1 and 30"));
        }
        HouseholdCategory category = CATEGORY_NAMES.get(trim(form.category()).toUpperCase(Locale.ROOT));
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
        String bank = trim(form.bankName());
        if (bank.isEmpty() || bank.length() > 100) {
            problems.add(new Violation("bankName", "must be 1 to 100 characters"));
        }
        String account = null;
        if (!(forUpdate && form.accountNumber() == null)) {
            account = trim(form.accountNumber()).replace(" ", "");
            if (!ACCOUNT.matcher(account).matches()) {
                problems.add(new Violation("accountNumber", "must be 10 to 30 digits"));
            }
        }
        long target = form.annualTargetFen() == null ? DEFAULT_TARGET_FEN : form.annualTargetFen();
        if (target < 1 || target > 100_000_000L) {
            problems.add(new Violation("annualTargetFen", "must be between 1 and 100000000"));
        }
        HouseholdStatus status = HouseholdStatus.ACTIVE;
        if (form.status() != null && !form.status().isBlank()) {
            try {
                status = HouseholdStatus.valueOf(trim(form.status()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("status", "must be ACTIVE, LIFTED or DEREGISTERED"));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(new ValidHousehold(registration, head, identity, mobile, form.members(), category,
                form.villageId(), projects, bank, account, target, status), List.of());
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
