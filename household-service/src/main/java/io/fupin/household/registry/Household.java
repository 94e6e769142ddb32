package io.fupin.household.registry;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A registered household as stored: personal numbers only as ciphertext plus their masked forms.
 * Immutable; a change yields the next version.
 */
record Household(UUID id, String registrationNumber, String headName, String identityCipher, String identityMasked,
        String identityIndex, String mobile, int members, HouseholdCategory category, UUID villageId,
        Set<IncomeProject> incomeProjects, String bankName, String accountCipher, String accountMasked,
        long annualTargetFen, HouseholdStatus status, Instant registeredAt, Instant changedAt, long version) {

    static Household register(UUID id, ValidHousehold valid, PersonalDataCipher cipher, Instant now) {
        return new Household(id, valid.registrationNumber(), valid.headName(), cipher.seal(id, PersonalDataCipher.Field.IDENTITY, valid.identityNumber()),
                IdentityNumber.mask(valid.identityNumber()), cipher.index(valid.identityNumber()), valid.mobile(),
                valid.members(), valid.category(), valid.villageId(), valid.incomeProjects(), valid.bankName(),
                cipher.seal(id, PersonalDataCipher.Field.ACCOUNT, valid.accountNumber()), ValidHousehold.maskAccount(valid.accountNumber()),
                valid.annualTargetFen(), valid.status(), now, now, 1);
    }

    /** The next version paid to another account (approved by a second person). */
    Household withAccount(String newBankName, String newAccountCipher, String newAccountMasked, Instant now) {
        return new Household(id, registrationNumber, headName, identityCipher, identityMasked, identityIndex, mobile,
                members, category, villageId, incomeProjects, newBankName, newAccountCipher, newAccountMasked,
                annualTargetFen, status, registeredAt, now, version + 1);
    }

    /** The same version, still paid to {@code earlier}'s account. */
    Household keepingAccountOf(Household earlier) {
        return new Household(id, registrationNumber, headName, identityCipher, identityMasked, identityIndex, mobile,
                members, category, villageId, incomeProjects, earlier.bankName(), earlier.accountCipher(),
                earlier.accountMasked(), annualTargetFen, status, registeredAt, changedAt, version);
    }

    /** The next version with the changes applied; secrets left null in {@code valid} are kept. */
    Household change(ValidHousehold valid, PersonalDataCipher cipher, Instant now) {
        boolean newIdentity = valid.identityNumber() != null;
        boolean newAccount = valid.accountNumber() != null;
        return new Household(id, registrationNumber, valid.headName(),
                newIdentity ? cipher.seal(id, PersonalDataCipher.Field.IDENTITY, valid.identityNumber()) : identityCipher,
                newIdentity ? IdentityNumber.mask(valid.identityNumber()) : identityMasked,
                newIdentity ? cipher.index(valid.identityNumber()) : identityIndex, valid.mobile(), valid.members(),
                valid.category(), valid.villageId(), valid.incomeProjects(), valid.bankName(),
                newAccount ? cipher.seal(id, PersonalDataCipher.Field.ACCOUNT, valid.accountNumber()) : accountCipher,
                newAccount ? ValidHousehold.maskAccount(valid.accountNumber()) : accountMasked,
                valid.annualTargetFen(), valid.status(), registeredAt, now, version + 1);
    }
}
