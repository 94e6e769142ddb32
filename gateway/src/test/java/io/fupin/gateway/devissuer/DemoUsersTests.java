package io.fupin.gateway.devissuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.fupin.support.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DemoUsersTests {

    private static final UUID SELLER_ID = UUID.fromString("7d0f5a52-3c1e-4a8e-9f3e-2b6f1c9d4e10");

    private final DemoUsers users = new DemoUsers(new DevIssuerProperties(true, null, null, null, null, null, Map.of(
            "consumer", new DevIssuerProperties.DemoUser(List.of("consumer"), null, null),
            "seller", new DevIssuerProperties.DemoUser(List.of("SELLER"), null, SELLER_ID.toString()),
            "admin", new DevIssuerProperties.DemoUser(List.of("ADMIN"), "s3cret", "")),
            new DevIssuerProperties.Audience("buyer-", 3)));

    @Test
    void acceptsTheDefaultPassword() {
        assertThat(users.authenticate("consumer", "fupin-demo"))
                .contains(new DemoUsers.Account("consumer", List.of(Role.CONSUMER), null));
    }

    @Test
    void bindsTheSellerToItsSeller() {
        assertThat(users.authenticate("seller", "fupin-demo").orElseThrow().sellerId()).isEqualTo(SELLER_ID);
    }

    @Test
    void usesAUsersOwnPasswordInsteadOfTheDefault() {
        assertThat(users.authenticate("admin", "s3cret")).isPresent();
        assertThat(users.authenticate("admin", "fupin-demo")).isEmpty();
    }

    @Test
    void refusesWrongPasswordsAndUnknownUsers() {
        assertThat(users.authenticate("consumer", "fupin-dem")).isEmpty();
        assertThat(users.authenticate("consumer", "")).isEmpty();
        assertThat(users.authenticate("nobody", "fupin-demo")).isEmpty();
    }

    @Test
    void letsTheNumberedAudienceInAsConsumersAndNoOneBeyondIt() {
        assertThat(users.authenticate("buyer-3", "fupin-demo"))
                .contains(new DemoUsers.Account("buyer-3", List.of(Role.CONSUMER), null));
        assertThat(users.authenticate("buyer-4", "fupin-demo")).isEmpty();
        assertThat(users.authenticate("buyer-0", "fupin-demo")).isEmpty();
        assertThat(users.authenticate("buyer-01", "fupin-demo")).isEmpty();
        assertThat(users.authenticate("buyer-2", "wrong")).isEmpty();
    }

    @Test
    void failsFastOnAnUnknownRole() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DemoUsers(new DevIssuerProperties(true, null, null, null,
                null, null, Map.of("x", new DevIssuerProperties.DemoUser(List.of("SUPERUSER"), null, null)), null)))
                .withMessageContaining("SUPERUSER");
    }
}
