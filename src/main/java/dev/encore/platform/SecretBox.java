package dev.encore.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Seals small secrets at rest (TOTP secrets, third-party tokens) with AES-256-GCM. The key is
 * derived (SHA-256) from {@code encore.security.secret-box-key}, generated in embedded mode and
 * required in prod. A sealed value is {@code v1:} + base64(nonce ‖ ciphertext ‖ tag); the
 * purpose string is bound as associated data, so a value sealed for one purpose cannot be
 * opened for another.
 */
@Component
public class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    SecretBox(EncoreSecurityProperties properties) {
        this.key = new SecretKeySpec(sha256(properties.secretBoxKey()), "AES");
    }

    /** Seals {@code plaintext} for {@code purpose}. */
    public String seal(String plaintext, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, purpose, plaintext.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                .put(nonce).put(sealed).array());
    }

    /**
     * Opens a value sealed for {@code purpose}.
     *
     * @throws IllegalStateException when the value was tampered with, sealed for another
     *                               purpose or with another key
     */
    public String open(String sealed, String purpose) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("Not a sealed value");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] ciphertext = new byte[buffer.remaining()];
        buffer.get(ciphertext);
        return new String(crypt(Cipher.DECRYPT_MODE, nonce, purpose, ciphertext), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] nonce, String purpose, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Sealed value cannot be opened", ex);
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
