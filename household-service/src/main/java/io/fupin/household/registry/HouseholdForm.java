package io.fupin.household.registry;

import java.util.List;
import java.util.UUID;

/**
 * A household as an official types it, in the API or one CSV row: loosely typed so that every wrong
 * field can be named instead of failing on the first. On update, a null identity or account number
 * keeps the stored one (officials need not retype secrets to fix a phone number).
 */
public record HouseholdForm(String registrationNumber, String headName, String identityNumber, String mobile,
        Integer members, String category, UUID villageId, List<String> incomeProjects, String bankName,
        String accountNumber, Long annualTargetFen, String status) {
}
