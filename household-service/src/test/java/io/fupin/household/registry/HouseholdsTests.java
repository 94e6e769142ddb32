package io.fupin.household.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fupin.household.RegisterRows;
import io.fupin.support.testing.RepositorySlice;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The register's repository on the real MariaDB; every test rolls back. */
@RepositorySlice
class HouseholdsTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    Households households;
    @Autowired
    JdbcClient jdbc;

    UUID village;
    UUID otherVillage;

    @BeforeEach
    void villages() {
        village = RegisterRows.village(jdbc, NOW);
        otherVillage = RegisterRows.village(jdbc, NOW);
    }

    @Test
    void insertsANewHouseholdAsVersionOneAndRaisesTheVersionOnEverySave() {
        Household saved = households.save(household("R-" + UUID.randomUUID(), village, HouseholdCategory.MARGINAL));
        assertThat(saved.version()).isEqualTo(1);

        Household read = households.findById(saved.id()).orElseThrow();
        assertThat(read.incomeProjects()).containsExactlyInAnyOrder(IncomeProject.GOOSE, IncomeProject.HERBS);
        assertThat(read.registeredAt()).isEqualTo(NOW);
        assertThat(read.villageId()).isEqualTo(village);

        read.payTo("农商银行", "cipher-2", "****2222", NOW.plusSeconds(1));
        assertThat(households.save(read).version()).isEqualTo(2);
        assertThat(households.findById(saved.id()).orElseThrow().accountMasked()).isEqualTo("****2222");
    }

    @Test
    void refusesASaveOverAVersionSomeoneElseSavedFirst() {
        HouseholdId id = households.save(household("R-" + UUID.randomUUID(), village, HouseholdCategory.MARGINAL)).id();
        Household mine = households.findById(id).orElseThrow();
        Household theirs = households.findById(id).orElseThrow();
        theirs.payTo("农商银行", "cipher-2", "****2222", NOW);
        households.save(theirs);

        mine.payTo("邮储银行", "cipher-3", "****3333", NOW);
        assertThatThrownBy(() -> households.save(mine)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void pagesInRegistrationOrderFilteredInTheDatabase() {
        String prefix = "P-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        households.saveAll(List.of(household(prefix + "3", village, HouseholdCategory.MARGINAL),
                household(prefix + "1", village, HouseholdCategory.REGISTERED_POOR),
                household(prefix + "2", village, HouseholdCategory.MARGINAL),
                household(prefix + "4", otherVillage, HouseholdCategory.MARGINAL)));

        assertThat(households.page(List.of(village), null, null, 0, 2)).extracting(Household::registrationNumber)
                .containsExactly(prefix + "1", prefix + "2");
        assertThat(households.page(List.of(village), null, null, 2, 2)).extracting(Household::registrationNumber)
                .containsExactly(prefix + "3");
        assertThat(households.count(List.of(village), null, null)).isEqualTo(3);
        assertThat(households.page(List.of(village, otherVillage), null, HouseholdCategory.MARGINAL, 0, 10))
                .extracting(Household::registrationNumber).containsExactly(prefix + "2", prefix + "3", prefix + "4");
        assertThat(households.count(List.of(village, otherVillage), null, HouseholdCategory.MARGINAL)).isEqualTo(3);

        UUID fourth = households.findByVillageIdInOrderByRegistrationNumber(List.of(otherVillage)).getFirst().id().value();
        assertThat(households.page(null, Set.of(fourth), null, 0, 10)).extracting(Household::registrationNumber)
                .containsExactly(prefix + "4");
        assertThat(households.page(List.of(village), Set.of(fourth), null, 0, 10)).isEmpty();
        assertThat(households.page(List.of(village), Set.of(), null, 0, 10)).isEmpty();
        assertThat(households.count(List.of(), null, null)).isZero();
    }

    @Test
    void namesTheRegistrationNumbersAndIdentitiesTakenAlready() {
        Household saved = households.save(household("R-" + UUID.randomUUID(), village, HouseholdCategory.MARGINAL));

        assertThat(households.takenRegistrationNumbers(List.of(saved.registrationNumber(), "R-unknown")))
                .containsExactly(saved.registrationNumber());
        assertThat(households.takenIdentityIndexes(List.of(saved.identityIndex(), "f".repeat(64))))
                .containsExactly(saved.identityIndex());
        assertThat(households.findByIdentityIndex(saved.identityIndex())).map(Household::id).contains(saved.id());
    }

    private static Household household(String registrationNumber, UUID villageId, HouseholdCategory category) {
        String index = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return new Household(HouseholdId.next(), registrationNumber, "王小明", "cipher-1", "2301**********001X", index,
                "13800138000", 3, category, villageId, String.join(",", EnumSet.of(IncomeProject.GOOSE,
                        IncomeProject.HERBS).stream().map(Enum::name).toList()), "信用社", "cipher-1", "****1111",
                100_000, HouseholdStatus.ACTIVE, NOW, NOW, 0);
    }
}
