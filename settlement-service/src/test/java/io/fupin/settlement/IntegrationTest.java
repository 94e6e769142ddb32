package io.fupin.settlement;

import io.fupin.support.testing.EventContracts;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/** One Spring context, one database and one broker shared by every integration test of this service. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 3, topics = {"order-service.order-events.v1", "order-service.order-events.v1-dlt",
        "household-service.linkage-events.v1", "household-service.linkage-events.v1-dlt",
        "household-service.household-events.v1", "household-service.household-events.v1-dlt",
        "settlement-service.payout-events.v1"})
@Import({TestSupport.class, EventContracts.EmittedEvents.class})
public @interface IntegrationTest {
}
