package dev.encore.delivery.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.encore.platform.EncoreSecurityProperties;
import dev.encore.delivery.link.LinkExpiredException;
import dev.encore.delivery.link.LinkInvalidException;

class DownloadLinksTests {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final UUID file = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();

    @Test
    void aSignedLinkGrantsItsFileToItsOwnerUntilItExpires() {
        DownloadLinks.Link link = links("secret-one-0123456789-0123456789", NOW).sign(file, owner);
        assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(links("secret-one-0123456789-0123456789", NOW.plusSeconds(899)).verify(link.token()))
                .isEqualTo(new DownloadLinks.Grant(DownloadLinks.Kind.FILE, file, owner));
        assertThatThrownBy(() -> links("secret-one-0123456789-0123456789", NOW.plusSeconds(900)).verify(link.token()))
                .isInstanceOf(LinkExpiredException.class);
    }

    @Test
    void anyChangeBreaksTheSignature() {
        DownloadLinks signer = links("secret-one-0123456789-0123456789", NOW);
        String token = signer.sign(file, owner).token();
        String[] parts = token.split("\\.");
        List<String> forged = List.of(
                String.join(".", parts[0], UUID.randomUUID().toString(), parts[2], parts[3], parts[4]),
                String.join(".", parts[0], parts[1], UUID.randomUUID().toString(), parts[3], parts[4]),
                String.join(".", parts[0], parts[1], parts[2], Long.toString(Long.parseLong(parts[3]) + 86400), parts[4]),
                String.join(".", parts[0], parts[1], parts[2], parts[3], parts[4].substring(1) + "A"),
                String.join(".", "z1", parts[1], parts[2], parts[3], parts[4]),
                "v2" + token.substring(2), token + ".x", "", "garbage");
        for (String bad : forged) {
            assertThatThrownBy(() -> signer.verify(bad)).as(bad).isInstanceOf(LinkInvalidException.class);
        }
        assertThatThrownBy(() -> signer.verify(null)).isInstanceOf(LinkInvalidException.class);
    }

    @Test
    void linksFromAnotherSecretAreInvalid() {
        String token = links("secret-two-0123456789-0123456789", NOW).sign(file, owner).token();
        assertThatThrownBy(() -> links("secret-one-0123456789-0123456789", NOW).verify(token))
                .isInstanceOf(LinkInvalidException.class);
    }

    private static DownloadLinks links(String secret, Instant now) {
        return new DownloadLinks(new EncoreSecurityProperties(List.of(), secret, "admin", List.of(),
                "box-0123456789-0123456789-0123456789", EncoreSecurityProperties.Store.LOCAL, false),
                Clock.fixed(now, ZoneOffset.UTC));
    }
}
