package io.fupin.household.income;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.registry.HouseholdCategory;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProgressControllerTests {

    @Test
    void writesHouseholdRowsWithFormulaCellsNeutralized() {
        HouseholdProgress progress = new HouseholdProgress(UUID.randomUUID(), "SC-0001", "=cmd|' /C calc'!A0",
                HouseholdCategory.REGISTERED_POOR, "@兴功村", "双城镇", 2026, 50_000, 100_000, new BigDecimal("50.0"),
                ProgressStatus.ON_TRACK, null);

        assertThat(ProgressController.householdRow(progress)).isEqualTo(
                "SC-0001,'=cmd|' /C calc'!A0,REGISTERED_POOR,双城镇,'@兴功村,2026,50000,100000,50.0,ON_TRACK,\r\n");
    }
}
