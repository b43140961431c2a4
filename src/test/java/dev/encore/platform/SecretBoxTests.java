package dev.encore.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SecretBoxTests {

    private final SecretBox box = new SecretBox(properties("box-key-0123456789-0123456789-0123456789"));

    @Test
    void sealsAndOpens() {
        String sealed = box.seal("JBSWY3DPEHPK3PXP", "account.totp");
        assertThat(sealed).startsWith("v1:").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(box.open(sealed, "account.totp")).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void usesAFreshNonceEveryTime() {
        assertThat(box.seal("same", "p")).isNotEqualTo(box.seal("same", "p"));
    }

    @Test
    void refusesTamperedValuesOtherPurposesAndOtherKeys() {
        String sealed = box.seal("secret", "account.totp");
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> box.open(new String(chars), "account.totp")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open(sealed, "oauth.token")).isInstanceOf(IllegalStateException.class);
        SecretBox other = new SecretBox(properties("another-key-0123456789-0123456789-01234"));
        assertThatThrownBy(() -> other.open(sealed, "account.totp")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open("plain", "account.totp")).isInstanceOf(IllegalStateException.class);
    }

    private static EncoreSecurityProperties properties(String key) {
        return new EncoreSecurityProperties(List.of(), "jwt-secret-0123456789-0123456789-0123", "admin", List.of(), key,
                EncoreSecurityProperties.Store.LOCAL, false);
    }
}
