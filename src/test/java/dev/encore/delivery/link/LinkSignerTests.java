package dev.encore.delivery.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class LinkSignerTests {

    private static final String SECRET = "link-signer-secret-0123456789-0123456789";
    private static final String PURPOSE = "encore stream links v1";
    private static final Instant EXPIRES = Instant.parse("2026-12-03T12:00:00Z");
    private final LinkSigner signer = new LinkSigner(SECRET, PURPOSE,
            Clock.fixed(EXPIRES.minusSeconds(60), ZoneOffset.UTC));

    @Test
    void signaturesAreTheSchemesHmacOfThePurposeKey() throws Exception {
        // links issued before the signer kept a keyed Mac must stay valid: the scheme is unchanged
        UUID id = UUID.fromString("7f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b");
        UUID subject = UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");
        String payload = "t1." + id + "." + subject + "." + EXPIRES.getEpochSecond();
        byte[] purposeKey = hmac(SECRET.getBytes(StandardCharsets.UTF_8), PURPOSE.getBytes(StandardCharsets.UTF_8));
        String expected = payload + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac(purposeKey, payload.getBytes(StandardCharsets.US_ASCII)));

        assertThat(signer.sign("t1", id, subject, EXPIRES)).isEqualTo(expected);
        assertThat(signer.verify(expected)).isEqualTo(new LinkSigner.Signed("t1", id, subject, EXPIRES));
    }

    @Test
    void oneSignerSignsFromManyThreadsAtOnce() throws Exception {
        List<UUID> ids = IntStream.range(0, 2_000).mapToObj(i -> UUID.randomUUID()).toList();
        UUID subject = UUID.randomUUID();
        List<String> alone = ids.stream().map(id -> signer.sign("t1", id, subject, EXPIRES)).toList();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Callable<String>> signing = ids.stream()
                    .<Callable<String>>map(id -> () -> signer.sign("t1", id, subject, EXPIRES)).toList();
            List<String> together = threads.invokeAll(signing).stream().map(LinkSignerTests::result).toList();
            assertThat(together).isEqualTo(alone);
        }
        alone.forEach(token -> assertThat(signer.verify(token).subject()).isEqualTo(subject));
    }

    private static String result(Future<String> future) {
        try {
            return future.get();
        }
        catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }
}
