/**
 * Idempotency-Key handling like the best payment APIs: the same key and body replay the first answer
 * (status and body, byte for byte); the same key with another body is refused; keys live at least 24 hours.
 */
package io.fupin.order.idempotency;
