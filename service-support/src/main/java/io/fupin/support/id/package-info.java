/**
 * Typed ids: a service declares {@code public record OrderId(UUID value) implements Identifier {}} and uses it in
 * its domain, repositories and controllers; JSON, Spring MVC, Spring Data JDBC and the OpenAPI document treat it as
 * the plain UUID it wraps.
 */
package io.fupin.support.id;
