package io.fupin.household.linkage;

import io.fupin.household.registry.HouseholdCategory;
import io.fupin.household.registry.HouseholdSummary;
import io.fupin.household.registry.Registry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What anyone may see of the households sharing in a product now (its trace page, "this purchase supports N
 * households"): the head's surname with the rest masked, category, town and village, shares. No ids, no
 * registration or personal numbers.
 */
@Service
public class Beneficiaries {

    public record View(UUID productId, String lotName, int households, int registeredPoor, int marginal,
            long totalShares, List<Share> shares) {
    }

    public record Share(String maskedName, HouseholdCategory category, String town, String village, int shares) {
    }

    private final BenefitLinkages linkages;
    private final Registry registry;
    private final Clock clock;

    Beneficiaries(BenefitLinkages linkages, Registry registry, Clock clock) {
        this.linkages = linkages;
        this.registry = registry;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public View ofProduct(UUID productId) {
        LinkageVersion version = linkages.inForceAt(productId, clock.instant())
                .orElseThrow(() -> LinkageNotFound.noneInForce(productId));
        Map<UUID, HouseholdSummary> households = registry.summaries(
                version.shares().stream().map(LinkageVersion.ShareView::householdId).toList());
        List<Share> shares = version.shares().stream().map(s -> {
            HouseholdSummary h = households.get(s.householdId());
            return new Share(mask(h.headName()), h.category(), h.village().townName(), h.village().villageName(),
                    s.shares());
        }).toList();
        int poor = (int) shares.stream().filter(s -> s.category() == HouseholdCategory.REGISTERED_POOR).count();
        return new View(productId, version.lotName(), shares.size(), poor, shares.size() - poor,
                version.totalShares(), shares);
    }

    /** 王秀兰 → 王**: the first character stays, each other one becomes a star. */
    static String mask(String name) {
        if (name == null || name.isEmpty()) {
            return "*";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
    }
}
