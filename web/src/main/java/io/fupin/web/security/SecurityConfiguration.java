package io.fupin.web.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Pages are public except checkout and the account pages, and each console, open to its role only (another
 * signed-in user gets the 403 page). CSRF protection (a token in each form, kept in the
 * session) is on for every form. The authorization-code login is offered only when an OIDC client registration
 * is configured ({@code spring.security.oauth2.client.registration.*}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain pages(HttpSecurity http, GatewayLogin login,
            ObjectProvider<ClientRegistrationRepository> oidc) throws Exception {
        LoginUrlAuthenticationEntryPoint entry = new LoginUrlAuthenticationEntryPoint("/login");
        entry.setFavorRelativeUris(true);
        http.authenticationProvider(login)
                .authorizeHttpRequests(pages -> pages
                        .requestMatchers("/account/seller-application").hasRole("CONSUMER")
                        .requestMatchers("/checkout/**", "/account/**").authenticated()
                        .requestMatchers("/seller/**").hasRole("SELLER")
                        .requestMatchers("/clerk/**").hasRole("CLERK")
                        .requestMatchers("/official/**").hasRole("OFFICIAL")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entry))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "form-action 'self'; frame-ancestors 'none'")));
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(oauth -> oauth.loginPage("/login"));
        }
        return http.build();
    }
}
