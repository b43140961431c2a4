package dev.encore.account.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OidcFlowTests {

    @Test
    void theCodeChallengeIsRfc7636S256() {
        // RFC 7636, appendix B
        assertThat(OidcFlow.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void theWebAppsPathsAreFixedAndOnlyTheValueIsEncoded() {
        assertThat(OidcController.app("/sign-in", "oidc-error", "oidc-denied")).hasToString("/sign-in?oidc-error=oidc-denied");
        assertThat(OidcController.app("/account/security", "connected", "x&next=//evil.example"))
                .hasToString("/account/security?connected=x%26next%3D//evil.example");
    }
}
