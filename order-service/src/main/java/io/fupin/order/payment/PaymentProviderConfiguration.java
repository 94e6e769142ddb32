package io.fupin.order.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which provider takes the money. Outside the {@code local} and {@code test} profiles (where the sandbox
 * wallet is the provider) a real provider must be configured with its secret, or the service does not start.
 */
@Configuration(proxyBeanMethods = false)
class PaymentProviderConfiguration {

    @Bean
    @Profile("!local & !test")
    PaymentProvider paymentProvider(JsonMapper json, Clock clock,
            @Value("${fupin.payments.provider.name:}") String name,
            @Value("${fupin.payments.provider.url:}") String url,
            @Value("${fupin.payments.provider.merchant-id:}") String merchantId,
            @Value("${fupin.payments.provider.secret:}") String secret,
            @Value("${fupin.payments.callback-max-age:PT5M}") Duration maxAge) {
        List<String> missing = new ArrayList<>();
        if (name.isBlank()) {
            missing.add("PAYMENT_PROVIDER_NAME");
        }
        if (url.isBlank()) {
            missing.add("PAYMENT_PROVIDER_URL");
        }
        if (merchantId.isBlank()) {
            missing.add("PAYMENT_PROVIDER_MERCHANT_ID");
        }
        if (secret.isBlank()) {
            missing.add("PAYMENT_PROVIDER_SECRET");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("order-service takes payments through a real provider outside the local "
                    + "and test profiles, and " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not set (the sandbox wallet exists only in the local and test profiles)");
        }
        return new SignedHttpProvider(name, url, merchantId, new CallbackSignature(secret, "PAYMENT_PROVIDER_SECRET"),
                json, clock, maxAge);
    }
}
