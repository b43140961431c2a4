package dev.encore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;

/** The suite trusts 127.0.0.1 as a proxy; 127.0.0.2 is an ordinary, untrusted client. */
class ClientAddressIT extends IntegrationTest {

    @Test
    void forwardedHeaderFromTrustedProxyNamesTheClient() throws Exception {
        HttpResponse<String> response = api.send(api.rawRequest("/api/v1/_fixtures/client")
                .header("Authorization", "Bearer " + tokens.user())
                .header("X-Forwarded-For", "192.0.2.77, 127.0.0.1"));
        assertThat(Api.json(response).path("remoteAddress").asString()).isEqualTo("192.0.2.77");
    }

    @Test
    void rfc7239ForwardedHeaderFromTrustedProxyNamesTheClient() {
        HttpResponse<String> response = api.send(api.rawRequest("/api/v1/_fixtures/client")
                .header("Authorization", "Bearer " + tokens.user())
                .header("Forwarded", "for=\"[2001:db8::17]:4711\";proto=https"));
        assertThat(Api.json(response).path("remoteAddress").asString()).isEqualTo("2001:db8:0:0:0:0:0:17");
    }

    @Test
    void spoofedForwardedHeadersFromUntrustedPeerAreIgnored() throws Exception {
        Api untrusted = new Api(port, InetAddress.getByName("127.0.0.2"));
        HttpResponse<String> response = untrusted.send(untrusted.rawRequest("/api/v1/_fixtures/client")
                .header("Authorization", "Bearer " + tokens.user())
                .header("X-Forwarded-For", "192.0.2.99").header("Forwarded", "for=192.0.2.98")
                .header("X-Forwarded-Proto", "https"));
        assertThat(Api.json(response).path("remoteAddress").asString()).isEqualTo("127.0.0.2");
        assertThat(Api.json(response).path("secure").asBoolean()).isFalse();
    }

    @Test
    void spoofedHeaderCannotDodgeTheRateLimitOfAnUntrustedPeer() throws Exception {
        Api untrusted = new Api(port, InetAddress.getByName("127.0.0.3"));
        String token = tokens.user();
        int limited = 0;
        for (int i = 0; i < 45; i++) {
            HttpResponse<String> response = untrusted.send(untrusted.rawRequest("/api/v1/_fixtures/client")
                    .header("Authorization", "Bearer " + token).header("X-Forwarded-For", "192.0.2." + (i + 1)));
            if (response.statusCode() == 429) {
                limited++;
            }
        }
        assertThat(limited).isEqualTo(5); // general capacity in the suite is 40
    }

    @Test
    void hostnamesInForwardedHeadersAreNeverBelieved() {
        HttpResponse<String> response = api.send(api.rawRequest("/api/v1/_fixtures/client")
                .header("Authorization", "Bearer " + tokens.user())
                .header("X-Forwarded-For", "internal.example.com"));
        assertThat(Api.json(response).path("remoteAddress").asString()).isEqualTo("127.0.0.1");
    }
}
