package io.fupin.order.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.fupin.support.identity.IdentitySignature;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Which provider the service starts with, read from the real application.yml and its profiles. */
class PaymentProviderConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withInitializer(context -> context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
            .withUserConfiguration(PaymentProviderConfiguration.class, SandboxWallet.class)
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(JdbcClient.class, () -> mock(JdbcClient.class))
            .withBean(IdentitySignature.class, () -> mock(IdentitySignature.class));

    @Test
    void refusesToStartOutsideLocalAndTestWithoutARealProviderNamingWhatIsMissing() {
        context.withPropertyValues("PAYMENT_PROVIDER_NAME=acquirer", "PAYMENT_PROVIDER_URL=https://pay.example",
                        "PAYMENT_PROVIDER_MERCHANT_ID=1900000109")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure()).rootCause()
                            .hasMessageContaining("PAYMENT_PROVIDER_SECRET")
                            .hasMessageNotContaining("PAYMENT_PROVIDER_URL");
                });
        context.run(started -> assertThat(started.getStartupFailure()).rootCause()
                .hasMessageContaining("PAYMENT_PROVIDER_NAME, PAYMENT_PROVIDER_URL, PAYMENT_PROVIDER_MERCHANT_ID, PAYMENT_PROVIDER_SECRET"));
    }

    @Test
    void outsideLocalAndTestTheSandboxDoesNotExistEvenWithItsSecret() {
        context.withPropertyValues("PAYMENT_SANDBOX_SECRET=" + "s".repeat(40), "PAYMENT_PROVIDER_NAME=acquirer",
                        "PAYMENT_PROVIDER_URL=https://pay.example", "PAYMENT_PROVIDER_MERCHANT_ID=1900000109",
                        "PAYMENT_PROVIDER_SECRET=" + "p".repeat(40))
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started).doesNotHaveBean(SandboxWallet.class);
                    assertThat(started.getBean(PaymentProvider.class)).isInstanceOf(SignedHttpProvider.class);
                    assertThat(started.getBean(PaymentProvider.class).name()).isEqualTo("acquirer");
                });
    }

    @Test
    void theLocalProfileTakesTheSandboxSecretFromTheEnvironmentAndHasNoDefault() {
        context.withPropertyValues("spring.profiles.active=local")
                .run(started -> assertThat(started.getStartupFailure()).rootCause()
                        .hasMessageContaining("PAYMENT_SANDBOX_SECRET"));
        context.withPropertyValues("spring.profiles.active=local", "PAYMENT_SANDBOX_SECRET=short")
                .run(started -> assertThat(started.getStartupFailure()).rootCause()
                        .hasMessageContaining("PAYMENT_SANDBOX_SECRET must be set to a secret of at least 32 bytes"));
        context.withPropertyValues("spring.profiles.active=local", "PAYMENT_SANDBOX_SECRET=" + "s".repeat(40))
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(PaymentProvider.class)).isInstanceOf(SandboxWallet.class);
                });
    }
}
