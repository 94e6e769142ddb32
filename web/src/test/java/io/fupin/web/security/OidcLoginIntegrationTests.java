package io.fupin.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.fupin.oidc.OidcProvider;
import io.fupin.web.PageTest;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.orders.OrderPage;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The authorization-code login against a real OpenID provider (Spring Authorization Server, {@link OidcProvider})
 * started by the test: the web application discovers it from its issuer, sends the browser there, the person
 * signs in with the provider's own form, the application exchanges the code for tokens (checking the ID token
 * against the provider's keys) and the person lands signed in, with the provider's access token kept in the
 * session and sent to the gateway for API calls. The browser's side is played by an HTTP client with cookies
 * that follows each redirect by hand, so every hop is checked.
 */
@PageTest
class OidcLoginIntegrationTests {

    /** The provider refuses "localhost" in redirect addresses (OAuth 2.1): the pages are asked for on 127.0.0.1. */
    static final String WEB = "http://127.0.0.1";
    static final String REGISTRATION = "fupin-idp";

    static ConfigurableApplicationContext provider;
    static String issuer;

    @DynamicPropertySource
    static void oidcClient(DynamicPropertyRegistry registry) {
        provider = OidcProvider.start(WEB + "/login/oauth2/code/" + REGISTRATION);
        issuer = OidcProvider.issuer(provider);
        String registration = "spring.security.oauth2.client.registration." + REGISTRATION + ".";
        registry.add(registration + "client-id", () -> OidcProvider.CLIENT_ID);
        registry.add(registration + "client-secret", () -> OidcProvider.CLIENT_SECRET);
        registry.add(registration + "client-name", () -> "扶贫身份认证");
        registry.add(registration + "scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri", () -> issuer);
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Gateway gateway;

    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void signsInThroughTheProviderAndCallsTheApiWithItsToken() throws Exception {
        when(gateway.get(any(), eq("/api/orders?view=buyer&page={page}&size={size}"), eq(OrderPage.class), any(), any()))
                .thenReturn(new OrderPage(List.of(), 0, 20, 0, 0));
        MockHttpSession session = new MockHttpSession();

        // a visitor asks for their orders and is sent to the login page, which offers the provider
        MvcResult orders = mvc.perform(get(WEB + "/account/orders").session(session)).andReturn();
        assertThat(orders.getResponse().getRedirectedUrl()).endsWith("/login");
        String login = mvc.perform(get(WEB + "/login").session(session)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(login).contains("/oauth2/authorization/" + REGISTRATION, "扶贫身份认证");

        // the button leads to the provider's authorization endpoint, found through its discovery document
        String authorize = mvc.perform(get(WEB + "/oauth2/authorization/" + REGISTRATION).session(session))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(authorize).startsWith(issuer + "/oauth2/authorize?").contains("response_type=code",
                "client_id=" + OidcProvider.CLIENT_ID, "scope=openid%20profile");

        // at the provider: its login form, the person's password, back to the authorization with a code
        HttpResponse<String> toLogin = send(HttpRequest.newBuilder(URI.create(authorize)).GET());
        assertThat(toLogin.statusCode()).as(toLogin.body()).isEqualTo(302);
        String loginPage = location(toLogin);
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(loginPage)).GET());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(loginPage))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + OidcProvider.USER + "&password="
                        + OidcProvider.PASSWORD + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> withCode = send(HttpRequest.newBuilder(URI.create(location(signedIn))).GET());
        String callback = location(withCode);
        assertThat(callback).startsWith(WEB + "/login/oauth2/code/" + REGISTRATION + "?code=");

        // the web application exchanges the code and sends the person back to the page they asked for
        // (as the URI it is: a template would encode the state's escapes once more)
        MvcResult landed = mvc.perform(get(URI.create(callback)).session(session)).andReturn();
        assertThat(landed.getResponse().getStatus()).as(landed.getResponse().getContentAsString()).isEqualTo(302);
        assertThat(landed.getResponse().getRedirectedUrl())
                .as("%s", landed.getRequest().getSession().getAttribute("SPRING_SECURITY_LAST_EXCEPTION"))
                .startsWith(WEB + "/account/orders");
        MockHttpSession after = (MockHttpSession) landed.getRequest().getSession();
        MvcResult mine = mvc.perform(get(WEB + "/account/orders").session(after)).andReturn();
        assertThat(mine.getResponse().getStatus()).isEqualTo(200);

        // the API call carried the provider's access token: issued to this person, with the platform role
        ArgumentCaptor<String> token = ArgumentCaptor.forClass(String.class);
        verify(gateway).get(token.capture(), eq("/api/orders?view=buyer&page={page}&size={size}"), eq(OrderPage.class),
                any(), any());
        JwtDecoder providersKeys = JwtDecoders.fromIssuerLocation(issuer);
        Jwt jwt = providersKeys.decode(token.getValue());
        assertThat(jwt.getSubject()).isEqualTo(OidcProvider.USER);
        assertThat(jwt.getIssuer().toString()).isEqualTo(issuer);
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CONSUMER");
        assertThat(mine.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(token.getValue());
    }

    /** As a browser asks: for a page (the provider sends only pages to its sign-in form, other callers get 401). */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no redirect from " + response.uri() + ": " + response.statusCode()));
        return response.uri().resolve(location).toString();
    }
}
