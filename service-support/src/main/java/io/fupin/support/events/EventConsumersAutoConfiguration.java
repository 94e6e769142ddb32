package io.fupin.support.events;

import io.fupin.support.kafka.EventsAutoConfiguration;
import io.fupin.support.kafka.ProcessedEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Consumers: {@link EventConsumers} reads records into typed events and applies each once. */
@AutoConfiguration(after = EventsAutoConfiguration.class, afterName = {
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnClass({JsonMapper.class, PlatformTransactionManager.class})
public class EventConsumersAutoConfiguration {

    @Bean
    @ConditionalOnBean({ProcessedEvents.class, PlatformTransactionManager.class})
    @ConditionalOnMissingBean
    EventConsumers eventConsumers(ObjectProvider<JsonMapper> json, ProcessedEvents processed,
            PlatformTransactionManager transactions) {
        return new EventConsumers(json.getIfUnique(JsonMapper::new), processed, new TransactionTemplate(transactions));
    }
}
