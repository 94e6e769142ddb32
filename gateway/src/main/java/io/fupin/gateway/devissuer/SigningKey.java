package io.fupin.gateway.devissuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;

/** The development issuer's RSA key as a JWK whose id is its RFC 7638 thumbprint. */
record SigningKey(RSAKey jwk) {

    static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return of((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is unavailable", e);
        }
    }

    static SigningKey load(Resource privateKey, Resource publicKey) {
        try (InputStream privateIn = privateKey.getInputStream(); InputStream publicIn = publicKey.getInputStream()) {
            return of(RsaKeyConverters.x509().convert(publicIn), RsaKeyConverters.pkcs8().convert(privateIn));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the development issuer's key pair", e);
        }
    }

    private static SigningKey of(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        try {
            RSAKey jwk = new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint()
                    .build();
            return new SigningKey(jwk);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot derive the key id", e);
        }
    }

    RSAPublicKey publicKey() {
        try {
            return jwk.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
