package io.fupin.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import io.fupin.support.events.EventEnvelope;
import io.fupin.support.identity.CallerAuthentication;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registering, changing and importing households publish their events, each keyed by its household and carrying
 * the household as it now stands, the payout account sealed.
 */
@IntegrationTest
@EnableScenarios
class HouseholdEventScenarioIntegrationTests {

    @Autowired
    Api api;
    @Autowired
    Registry registry;
    @Autowired
    HouseholdImport householdImport;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(CallerAuthentication.of(Api.OFFICIAL));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void registeringAndChangingAHouseholdEachPublishTheirEvent(Scenario scenario) {
        Fixtures.Village village = Fixtures.village(api);
        Map<String, Object> form = Fixtures.householdForm(village.villageId(), Fixtures.freshIdentityNumber());

        AtomicReference<HouseholdView> answer = new AtomicReference<>();
        scenario.stimulate(() -> registry.register(Api.OFFICIAL, form(form)))
                .andWaitForEventOfType(EventEnvelope.class)
                .matching(event -> event.payload() instanceof HouseholdEvent.HouseholdRegistered)
                .toArriveAndVerify((event, view) -> {
                    assertThat(event.eventType()).isEqualTo("HouseholdRegistered");
                    assertThat(event.aggregateId()).isEqualTo(view.householdId().toString());
                    HouseholdEvent.HouseholdState state = ((HouseholdEvent) event.payload()).household();
                    assertThat(state.householdId()).isEqualTo(view.householdId());
                    assertThat(state.villageName()).isEqualTo(village.villageName());
                    assertThat(state.payoutAccount().accountMasked()).doesNotContain("6229960123456789012");
                    assertThat(state.payoutAccount().accountSealed()).doesNotContain("6229960123456789012");
                    answer.set(view);
                });
        HouseholdView registered = answer.get();

        form.put("registrationNumber", registered.registrationNumber());
        form.put("headName", "王秀英");
        scenario.stimulate(() -> registry.update(Api.OFFICIAL, new HouseholdId(registered.householdId()), form(form),
                        registered.version()))
                .andWaitForEventOfType(EventEnvelope.class)
                .matching(event -> event.payload() instanceof HouseholdEvent.HouseholdUpdated)
                .toArriveAndVerify((event, view) -> {
                    assertThat(event.eventType()).isEqualTo("HouseholdUpdated");
                    assertThat(event.aggregateId()).isEqualTo(registered.householdId().toString());
                    assertThat(((HouseholdEvent) event.payload()).household().headName()).isEqualTo("王秀英");
                });
    }

    @Test
    void anImportPublishesARegistrationOfEachHouseholdKeyedByIt(Scenario scenario) {
        Fixtures.Village village = Fixtures.village(api);
        String csv = ImportIntegrationTests.HEADER
                + ImportIntegrationTests.row(Fixtures.freshRegistrationNumber(), "张三", Fixtures.freshIdentityNumber(),
                        village, "REGISTERED_POOR")
                + ImportIntegrationTests.row(Fixtures.freshRegistrationNumber(), "李四", Fixtures.freshIdentityNumber(),
                        village, "MARGINAL");

        scenario.stimulate(() -> householdImport.importCsv(Api.OFFICIAL, csv.getBytes(StandardCharsets.UTF_8), false))
                .andWaitForEventOfType(ImportedHouseholdsRelay.HouseholdsImported.class)
                .toArriveAndVerify(imported -> {
                    List<EventEnvelope<HouseholdEvent.HouseholdRegistered>> events = imported.events();
                    assertThat(events).extracting(event -> event.payload().household().headName())
                            .containsExactly("张三", "李四");
                    assertThat(events).allSatisfy(event -> {
                        assertThat(event.eventType()).isEqualTo("HouseholdRegistered");
                        assertThat(event.aggregateId())
                                .isEqualTo(event.payload().household().householdId().toString());
                        assertThat(event.payload().household().villageName()).isEqualTo(village.villageName());
                    });
                });
    }

    private HouseholdForm form(Map<String, Object> form) {
        return json.convertValue(form, HouseholdForm.class);
    }
}
