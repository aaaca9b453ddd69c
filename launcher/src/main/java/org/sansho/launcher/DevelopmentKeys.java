package org.sansho.launcher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The key pair of the local suite, generated on first start under the data folder. The services verify tokens
 * with the public key and sign their service-to-service tokens with the private key; {@code sansho token} mints
 * development tokens with it. Production uses an OIDC provider instead (see deploy/).
 */
public final class DevelopmentKeys {

    public final Path privateKeyFile;
    public final Path publicKeyFile;

    private DevelopmentKeys(Path privateKeyFile, Path publicKeyFile) {
        this.privateKeyFile = privateKeyFile;
        this.publicKeyFile = publicKeyFile;
    }

    public static DevelopmentKeys load(Path dataDirectory) throws Exception {
        Path dir = dataDirectory.resolve("keys");
        Path privateKey = dir.resolve("private-key.pem");
        Path publicKey = dir.resolve("public-key.pem");
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.UTF_8);
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Launcher.say("Generated a development key pair in %s", dir);
        }
        return new DevelopmentKeys(privateKey, publicKey);
    }

    /**
     * The key that encrypts the webhook-service's signing secrets at rest (base64 of 32 random bytes), generated once
     * next to the key pair; production takes it from a Secret.
     */
    public static String webhookSecretsKey(Path dataDirectory) throws Exception {
        Path file = dataDirectory.resolve("keys").resolve("webhook-secrets.key");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    public PrivateKey privateKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(privateKeyFile)));
    }

    PublicKey publicKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(publicKeyFile)));
    }

    private static byte[] der(Path pem) throws Exception {
        String text = Files.readString(pem, StandardCharsets.UTF_8).replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
