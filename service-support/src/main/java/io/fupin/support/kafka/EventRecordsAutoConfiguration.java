package io.fupin.support.kafka;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event records carry the JSON envelope and nothing about the producer's code: the converter Spring
 * Modulith would register adds a {@code __TypeId__} header naming the event's Java class, which no
 * consumer reads (each reads the envelope's {@code eventType}) and which would tie the topics to class names.
 */
@AutoConfiguration(beforeName = "org.springframework.modulith.events.kafka.KafkaJacksonConfiguration")
@ConditionalOnClass({ByteArrayJacksonJsonMessageConverter.class, JsonMapper.class})
public class EventRecordsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(RecordMessageConverter.class)
    RecordMessageConverter eventRecordConverter(ObjectProvider<JsonMapper> json) {
        return new WithoutTypeHeaders(json.getIfUnique(JsonMapper::new));
    }

    static final class WithoutTypeHeaders extends ByteArrayJacksonJsonMessageConverter {

        WithoutTypeHeaders(JsonMapper json) {
            super(json);
        }

        @Override
        protected Headers initialRecordHeaders(Message<?> message) {
            return new RecordHeaders();
        }
    }
}
