package io.fupin.support.identity;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Method security in every servlet service: each use case states who may run it with {@code @PreAuthorize}
 * on its application-service method, against the caller {@link IdentityFilter} put in the security context.
 * Ownership rules are beans the expressions call ({@code @PreAuthorize("@owners.ofOrder(#orderId)")}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class MethodSecurityAutoConfiguration {
}
