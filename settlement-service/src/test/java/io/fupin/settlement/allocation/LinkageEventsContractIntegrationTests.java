package io.fupin.settlement.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.settlement.IntegrationTest;
import io.fupin.settlement.allocation.LinkageEventsListener.BenefitLinkageVersioned;
import io.fupin.settlement.allocation.LinkageEventsListener.LinkageEvents;
import io.fupin.support.testing.EventContracts;
import io.fupin.support.testing.EventContracts.Sample;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settlement applies the linkage versions household-service really emits (its committed samples in
 * docs/events/samples) through its listener, on the database: a field read here that the producer renamed or
 * removed fails this test, and so does a version recorded otherwise than its sample says.
 */
@IntegrationTest
class LinkageEventsContractIntegrationTests {

    @Autowired
    LinkageEventsListener listener;
    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsTheLinkageVersionHouseholdServiceEmitsWithItsShares() {
        Map<String, Sample<LinkageEvents>> samples = EventContracts.samplesToApply(LinkageEventsListener.TOPIC,
                LinkageEvents.class, JsonMapper.builder().build());
        assertThat(samples.keySet()).containsExactly("BenefitLinkageVersioned");
        Sample<LinkageEvents> sample = samples.get("BenefitLinkageVersioned");
        BenefitLinkageVersioned versioned = sample.payload();

        listener.on(sample.record());

        assertThat(jdbc.sql("SELECT product_id, seller_id, lot_name, effective_from FROM linkage_version "
                        + "WHERE linkage_id = ? AND version = ?")
                .params(versioned.linkageId().toString(), versioned.version())
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getTimestamp(4).toInstant())
                .single()).isEqualTo(versioned.productId() + " " + versioned.sellerId() + " " + versioned.lotName()
                        + " " + versioned.effectiveFrom());
        assertThat(jdbc.sql("SELECT household_id, shares FROM linkage_share WHERE linkage_id = ? AND version = ?")
                .params(versioned.linkageId().toString(), versioned.version())
                .query((rs, n) -> new LinkageEventsListener.ShareMessage(UUID.fromString(rs.getString(1)), rs.getLong(2)))
                .list()).containsExactlyInAnyOrderElementsOf(versioned.shares()).isNotEmpty();
        EventContracts.assertDocumentedConsumer(LinkageEventsListener.TOPIC, "settlement-linkage-events");
    }
}
