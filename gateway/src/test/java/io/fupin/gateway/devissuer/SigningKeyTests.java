package io.fupin.gateway.devissuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

class SigningKeyTests {

    @Test
    void loadsAPemKeyPairSoThatInstancesShareOneKey() throws Exception {
        SigningKey generated = SigningKey.generate();
        String privatePem = pem("PRIVATE KEY", generated.jwk().toPrivateKey().getEncoded());
        String publicPem = pem("PUBLIC KEY", generated.publicKey().getEncoded());

        SigningKey loaded = SigningKey.load(resource(privatePem), resource(publicPem));

        assertThat(loaded.jwk().getKeyID()).isEqualTo(generated.jwk().getKeyID());
        assertThat(loaded.jwk().toPrivateKey().getEncoded()).isEqualTo(generated.jwk().toPrivateKey().getEncoded());
        assertThat(loaded.jwk().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    }

    @Test
    void generatesADifferentKeyEachTime() {
        assertThat(SigningKey.generate().jwk().getKeyID()).isNotEqualTo(SigningKey.generate().jwk().getKeyID());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static ByteArrayResource resource(String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.US_ASCII));
    }
}
