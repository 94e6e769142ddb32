package io.fupin.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.web.PageTest;
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.security.SignedIn;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

@PageTest
class UsersPagesTests {

    static final UUID SELLER = UUID.fromString("3575660d-1d17-3598-9bf4-67791a419ae3");
    static final UUID UNREGISTERED = UUID.fromString("00000000-0000-0000-0000-00000000cafe");

    static Authentication as(String role) {
        return UsernamePasswordAuthenticationToken.authenticated(new SignedIn(role.toLowerCase(), List.of(role),
                "token-" + role, Instant.now().plusSeconds(3600)), null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Gateway gateway;

    @Test
    void refusesOtherRolesWithForbidden() throws Exception {
        for (String role : List.of("SELLER", "CLERK", "OFFICIAL", "CONSUMER")) {
            mvc.perform(get("/admin/users").with(authentication(as(role)))).andExpect(status().isForbidden());
        }
    }

    @Test
    void listsTheIssuersUsersWithTheirRolesAndTheSellerEachActsFor() throws Exception {
        when(gateway.get(any(), eq("/api/auth/users"), eq(UsersController.Users.class))).thenReturn(new UsersController.Users(
                List.of(new UsersController.User("admin", List.of("ADMIN"), null),
                        new UsersController.User("seller", List.of("SELLER"), SELLER),
                        new UsersController.User("seller-new", List.of("SELLER", "CONSUMER"), UNREGISTERED)),
                new UsersController.Audience("buyer-", 5000)));
        when(gateway.get(any(), eq("/api/catalog/sellers/{id}"), eq(UsersController.Seller.class), eq(SELLER)))
                .thenReturn(new UsersController.Seller(SELLER, "岗子峪米业有限公司"));
        when(gateway.get(any(), eq("/api/catalog/sellers/{id}"), eq(UsersController.Seller.class), eq(UNREGISTERED)))
                .thenThrow(new ApiProblem(404, "not-found", "no seller", List.of()));

        String html = mvc.perform(get("/admin/users").with(authentication(as("ADMIN"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("data-user=\"admin\"", "管理员", "data-user=\"seller\"", "岗子峪米业有限公司",
                SELLER.toString(), "<span>卖家、</span><span>消费者</span>", "尚未登记的卖家", "buyer-1 至 buyer-5000")
                .doesNotContain("id=\"users-elsewhere\"");
    }

    @Test
    void withAnOpenIdProviderSaysWhereUsersAreManaged() throws Exception {
        when(gateway.get(any(), eq("/api/auth/users"), eq(UsersController.Users.class)))
                .thenThrow(new ApiProblem(404, "not-found", "No route", List.of()));

        String html = mvc.perform(get("/admin/users").with(authentication(as("ADMIN"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"users-elsewhere\"", "Keycloak").doesNotContain("id=\"users\"");
    }
}
