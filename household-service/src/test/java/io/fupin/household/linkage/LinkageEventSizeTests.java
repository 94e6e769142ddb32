package io.fupin.household.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.support.testing.EventContracts;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A linkage version naming as many households as a declaration may stays far below Kafka's record limit. */
class LinkageEventSizeTests {

    @Test
    void theLargestLinkageVersionStaysUnderTheRecordLimit() {
        UUID product = UUID.randomUUID();
        var largest = new LinkageEvent.BenefitLinkageVersioned(UUID.randomUUID(), product, UUID.randomUUID(),
                "鹅".repeat(100), Integer.MAX_VALUE, Instant.parse("2026-11-30T08:00:00Z"),
                IntStream.range(0, BenefitLinkages.MAX_SHARES)
                        .mapToObj(i -> new LinkageEvent.Share(UUID.randomUUID(), Integer.MAX_VALUE)).toList());

        int size = EventContracts.assertUnderRecordLimit(LinkageEvent.versioned(largest, Instant.now()),
                JsonMapper.builder().build());

        assertThat(size).isLessThan(400_000);
    }

    @Test
    void docsEventsMdNamesTheTopicAndEveryEventType() {
        EventContracts.assertDocumented(LinkageEvent.class);
    }
}
