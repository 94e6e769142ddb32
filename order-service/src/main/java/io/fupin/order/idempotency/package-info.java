/**
 * Idempotency-Key handling like the best payment APIs: the same key and body replay the first answer
 * (status, body and headers, byte for byte); the same key with another body is refused; keys live at least 24
 * hours. A handler asks for it with {@link io.fupin.order.idempotency.Idempotent}.
 */
package io.fupin.order.idempotency;
