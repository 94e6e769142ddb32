package io.fupin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.demo.FaultSchedule.Kind;
import io.fupin.demo.FaultSchedule.Step;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultScheduleTests {

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnotherOrder() {
        assertThat(FaultSchedule.of(7, 4, 20, Set.of())).isEqualTo(FaultSchedule.of(7, 4, 20, Set.of()));
        assertThat(FaultSchedule.of(7, 4, 20, Set.of()).steps()).isNotEqualTo(FaultSchedule.of(8, 4, 20, Set.of()).steps());
    }

    @Test
    void killsEveryApplicationOnceStopsTheBrokerAndSearchAndRestartsTheDatabase() {
        FaultSchedule schedule = FaultSchedule.of(42, 4, 20, Set.of());

        assertThat(schedule.steps()).filteredOn(s -> s.kind() == Kind.KILL).extracting(Step::component)
                .containsExactlyInAnyOrderElementsOf(FaultSchedule.APPLICATIONS);
        assertThat(schedule.steps()).filteredOn(s -> s.kind() == Kind.STOP).extracting(Step::component)
                .containsExactlyInAnyOrder("kafka", "elasticsearch");
        assertThat(schedule.steps()).filteredOn(s -> s.kind() == Kind.RESTART_MARIADB).hasSize(1);
        assertThat(schedule.faults()).isEqualTo(9);
    }

    @Test
    void theBrokerStaysAwayAsLongAsAskedAndTheStepsFallWithinTheRun() {
        FaultSchedule schedule = FaultSchedule.of(3, 15, 60, Set.of());

        assertThat(schedule.steps()).filteredOn(s -> s.component().equals("kafka")).extracting(Step::downSeconds).containsExactly(60);
        assertThat(schedule.steps()).extracting(Step::atSecond).isSorted().allMatch(at -> at > 0 && at < 15 * 60);
    }

    @Test
    void secondInstancesRunAcrossSomeOfTheOtherFaults() {
        for (long seed = 0; seed < 50; seed++) {
            List<Kind> kinds = FaultSchedule.of(seed, 4, 20, Set.of()).steps().stream().map(Step::kind).toList();
            int start = kinds.indexOf(Kind.SECOND_INSTANCES_START);
            int stop = kinds.indexOf(Kind.SECOND_INSTANCES_STOP);
            assertThat(stop - start).as("seed %d: %s", seed, kinds).isGreaterThan(2);
        }
    }

    @Test
    void aSkippedComponentIsLeftAlone() {
        FaultSchedule schedule = FaultSchedule.of(1, 4, 20, Set.of("mariadb"));

        assertThat(schedule.steps()).noneMatch(s -> s.kind() == Kind.RESTART_MARIADB);
        assertThat(schedule.faults()).isEqualTo(8);
    }

    @Test
    void theShortRunKillsOnlyOrderServiceWithoutSecondInstances() {
        FaultSchedule schedule = FaultSchedule.of(1, 1, 20, Set.of("kafka", "elasticsearch", "mariadb", "catalog-service",
                "settlement-service", "household-service", "gateway", FaultSchedule.SECOND_INSTANCES));

        assertThat(schedule.steps()).extracting(Step::kind, Step::component)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.KILL, "order-service"));
        assertThat(schedule.faults()).isEqualTo(1);
    }
}
