package io.fupin.household.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A registered household: personal numbers only as ciphertext plus their masked forms, so that lists never
 * need the key. Its version is the one an {@code If-Match} names; the repository raises it on every save.
 */
@Table("household")
class Household {

    @Id
    private final HouseholdId id;
    private final String registrationNumber;
    private String headName;
    private String identityCipher;
    private String identityMasked;
    private String identityIndex;
    private String mobile;
    private int members;
    private HouseholdCategory category;
    private UUID villageId;
    /** Stored as the projects' names, sorted and comma-separated. */
    private String incomeProjects;
    private String bankName;
    private String accountCipher;
    private String accountMasked;
    private long annualTargetFen;
    private HouseholdStatus status;
    private final Instant registeredAt;
    private Instant changedAt;
    @Version
    private long version;

    @PersistenceCreator
    Household(HouseholdId id, String registrationNumber, String headName, String identityCipher, String identityMasked,
            String identityIndex, String mobile, int members, HouseholdCategory category, UUID villageId,
            String incomeProjects, String bankName, String accountCipher, String accountMasked, long annualTargetFen,
            HouseholdStatus status, Instant registeredAt, Instant changedAt, long version) {
        this.id = id;
        this.registrationNumber = registrationNumber;
        this.headName = headName;
        this.identityCipher = identityCipher;
        this.identityMasked = identityMasked;
        this.identityIndex = identityIndex;
        this.mobile = mobile;
        this.members = members;
        this.category = category;
        this.villageId = villageId;
        this.incomeProjects = incomeProjects;
        this.bankName = bankName;
        this.accountCipher = accountCipher;
        this.accountMasked = accountMasked;
        this.annualTargetFen = annualTargetFen;
        this.status = status;
        this.registeredAt = registeredAt;
        this.changedAt = changedAt;
        this.version = version;
    }

    /** A new household, not yet saved: the repository inserts it as version 1. */
    static Household register(HouseholdId id, ValidHousehold valid, PersonalDataCipher cipher, Instant now) {
        return new Household(id, valid.registrationNumber(), valid.headName(),
                cipher.seal(id.value(), PersonalDataCipher.Field.IDENTITY, valid.identityNumber()),
                IdentityNumber.mask(valid.identityNumber()), cipher.index(valid.identityNumber()), valid.mobile(),
                valid.members(), valid.category(), valid.villageId(), names(valid.incomeProjects()), valid.bankName(),
                cipher.seal(id.value(), PersonalDataCipher.Field.ACCOUNT, valid.accountNumber()),
                ValidHousehold.maskAccount(valid.accountNumber()), valid.annualTargetFen(), valid.status(), now, now, 0);
    }

    /**
     * Applies a change; the payout account is left as it is (a new one waits for a second person, see
     * {@link #payTo}), and secrets left null in {@code valid} are kept. Answers the fields that changed.
     */
    List<String> change(ValidHousehold valid, PersonalDataCipher cipher, Instant now) {
        List<String> changed = new ArrayList<>();
        changed(changed, "headName", headName, valid.headName());
        headName = valid.headName();
        if (valid.identityNumber() != null) {
            String index = cipher.index(valid.identityNumber());
            changed(changed, "identityNumber", identityIndex, index);
            identityCipher = cipher.seal(id.value(), PersonalDataCipher.Field.IDENTITY, valid.identityNumber());
            identityMasked = IdentityNumber.mask(valid.identityNumber());
            identityIndex = index;
        }
        changed(changed, "mobile", mobile, valid.mobile());
        mobile = valid.mobile();
        changed(changed, "members", members, valid.members());
        members = valid.members();
        changed(changed, "category", category, valid.category());
        category = valid.category();
        changed(changed, "village", villageId, valid.villageId());
        villageId = valid.villageId();
        changed(changed, "incomeProjects", incomeProjects, names(valid.incomeProjects()));
        incomeProjects = names(valid.incomeProjects());
        changed(changed, "annualTargetFen", annualTargetFen, valid.annualTargetFen());
        annualTargetFen = valid.annualTargetFen();
        changed(changed, "status", status, valid.status());
        status = valid.status();
        changedAt = now;
        if (changed.isEmpty()) {
            changed.add("nothing");
        }
        return changed;
    }

    /** From now on the household is paid to another account (approved by a second person). */
    void payTo(String newBankName, String newAccountCipher, String newAccountMasked, Instant now) {
        bankName = newBankName;
        accountCipher = newAccountCipher;
        accountMasked = newAccountMasked;
        changedAt = now;
    }

    private static void changed(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static String names(Set<IncomeProject> projects) {
        return projects.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    HouseholdId id() {
        return id;
    }

    String registrationNumber() {
        return registrationNumber;
    }

    String headName() {
        return headName;
    }

    String identityCipher() {
        return identityCipher;
    }

    String identityMasked() {
        return identityMasked;
    }

    String identityIndex() {
        return identityIndex;
    }

    String mobile() {
        return mobile;
    }

    int members() {
        return members;
    }

    HouseholdCategory category() {
        return category;
    }

    UUID villageId() {
        return villageId;
    }

    Set<IncomeProject> incomeProjects() {
        Set<IncomeProject> projects = EnumSet.noneOf(IncomeProject.class);
        Arrays.stream(incomeProjects.split(",")).filter(s -> !s.isEmpty()).forEach(p -> projects.add(IncomeProject.valueOf(p)));
        return projects;
    }

    String bankName() {
        return bankName;
    }

    String accountCipher() {
        return accountCipher;
    }

    String accountMasked() {
        return accountMasked;
    }

    long annualTargetFen() {
        return annualTargetFen;
    }

    HouseholdStatus status() {
        return status;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    Instant changedAt() {
        return changedAt;
    }

    long version() {
        return version;
    }
}
