package io.fupin.support.kafka;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultBackOffHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;

/**
 * Retries a failing record after each back-off without holding the listener's thread: only the record's
 * partition is paused for the back-off (the record is sought back and comes again once it resumes), so the
 * other partitions the thread consumes keep flowing while one waits for its database, network or broker.
 * Spring Kafka's {@code ContainerPausingBackOffHandler} would pause the whole container; this handler tells
 * its back-off which partition failed.
 */
final class PartitionPausingErrorHandler extends DefaultErrorHandler {

    private final PausingBackOff pausing;

    private PartitionPausingErrorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff, PausingBackOff pausing) {
        super(recoverer, backOff, pausing);
        this.pausing = pausing;
    }

    static PartitionPausingErrorHandler of(ConsumerRecordRecoverer recoverer, BackOff backOff,
            ListenerContainerPauseService pauser) {
        return new PartitionPausingErrorHandler(recoverer, backOff, new PausingBackOff(pauser));
    }

    @Override
    public void handleRemaining(Exception thrownException, List<ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer,
            MessageListenerContainer container) {
        pausing.failing.set(records.isEmpty() ? null
                : new TopicPartition(records.getFirst().topic(), records.getFirst().partition()));
        try {
            super.handleRemaining(thrownException, records, consumer, container);
        } finally {
            pausing.failing.remove();
        }
    }

    @Override
    public boolean handleOne(Exception thrownException, ConsumerRecord<?, ?> record, Consumer<?, ?> consumer,
            MessageListenerContainer container) {
        pausing.failing.set(new TopicPartition(record.topic(), record.partition()));
        try {
            return super.handleOne(thrownException, record, consumer, container);
        } finally {
            pausing.failing.remove();
        }
    }

    private static final class PausingBackOff implements BackOffHandler {

        private final ListenerContainerPauseService pauser;
        private final BackOffHandler sleeping = new DefaultBackOffHandler();
        private final ThreadLocal<TopicPartition> failing = new ThreadLocal<>();

        PausingBackOff(ListenerContainerPauseService pauser) {
            this.pauser = pauser;
        }

        @Override
        public void onNextBackOff(MessageListenerContainer container, Exception exception, long nextBackOff) {
            TopicPartition partition = failing.get();
            if (container == null || partition == null) {
                sleeping.onNextBackOff(container, exception, nextBackOff);
            } else {
                pauser.pausePartition(container, partition, Duration.ofMillis(nextBackOff));
            }
        }

        @Override
        public void onNextBackOff(MessageListenerContainer container, TopicPartition partition, long nextBackOff) {
            pauser.pausePartition(container, partition, Duration.ofMillis(nextBackOff));
        }
    }
}
