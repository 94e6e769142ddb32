/** Kafka, outbox and idempotent-consumer settings shared by the services. */
package io.fupin.support.kafka;
