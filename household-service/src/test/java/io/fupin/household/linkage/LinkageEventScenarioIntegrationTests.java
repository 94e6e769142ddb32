package io.fupin.household.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.household.Api;
import io.fupin.household.Fixtures;
import io.fupin.household.IntegrationTest;
import io.fupin.support.events.EventEnvelope;
import io.fupin.support.identity.CallerAuthentication;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;

/** Declaring a version of a product's linkage publishes it, keyed by the product, with its households. */
@IntegrationTest
@EnableScenarios
class LinkageEventScenarioIntegrationTests {

    @Autowired
    Api api;
    @Autowired
    BenefitLinkages linkages;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void eachDeclaredVersionPublishesItsEvent(Scenario scenario) {
        Fixtures.Village village = Fixtures.village(api);
        UUID household = Fixtures.household(api, village.villageId());
        UUID seller = UUID.randomUUID();
        UUID product = Fixtures.product(api, seller);
        SecurityContextHolder.getContext().setAuthentication(CallerAuthentication.of(Api.OFFICIAL));

        scenario.stimulate(() -> linkages.declare(Api.OFFICIAL, product, new BenefitLinkages.Declaration(null,
                        "兴功村代养鹅 700 只", null, List.of(new LinkageEvent.Share(household, 3)))))
                .andWaitForEventOfType(EventEnvelope.class)
                .matching(event -> event.aggregateId().equals(product.toString()))
                .toArriveAndVerify((event, version) -> {
                    assertThat(event.eventType()).isEqualTo("BenefitLinkageVersioned");
                    var versioned = (LinkageEvent.BenefitLinkageVersioned) event.payload();
                    assertThat(versioned.version()).isEqualTo(version.version()).isEqualTo(1);
                    assertThat(versioned.sellerId()).isEqualTo(seller);
                    assertThat(versioned.shares()).containsExactly(new LinkageEvent.Share(household, 3));
                });
    }
}
