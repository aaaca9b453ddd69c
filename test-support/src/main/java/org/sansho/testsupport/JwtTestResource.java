package org.sansho.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Makes the service under test trust {@link TestTokens}: it verifies with the test public key and, where it
 * calls another service, signs its own service tokens with the test private key.
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        var keys = TestTokens.keys();
        return Map.of(
                "mp.jwt.verify.publickey", TestTokens.pem("PUBLIC KEY", keys.getPublic().getEncoded()),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "smallrye.jwt.sign.key", TestTokens.pem("PRIVATE KEY", keys.getPrivate().getEncoded()),
                "smallrye.jwt.new-token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
    }
}
