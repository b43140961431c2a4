package dev.encore.account.oidc;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * OIDC identity providers ({@code encore.security.oidc.*}); none configured means no OIDC sign-in at all.
 *
 * @param providers  by id (lower-case letters, digits and dashes: it is part of the callback URL)
 * @param attemptTtl how long a started sign-in, link or second-factor step may take (1 to 30 minutes)
 * @param discoveryTimeout how long Encore waits for a provider to accept a connection, and then for each read
 *                         of its answer, when it reads the provider's metadata (1 to 60 seconds)
 */
@Validated
@ConfigurationProperties("encore.security.oidc")
record OidcProperties(
        @NotNull @DefaultValue({}) Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}", message = "must be 1 to 32 lower-case letters, digits or dashes") String, @Valid @NotNull Provider> providers,
        @NotNull @DurationMin(minutes = 1) @DurationMax(minutes = 30) @DefaultValue("10m") Duration attemptTtl,
        @NotNull @DurationMin(seconds = 1) @DurationMax(seconds = 60) @DefaultValue("5s") Duration discoveryTimeout) {

    /**
     * One identity provider.
     *
     * @param issuerUri           the issuer; its {@code /.well-known/openid-configuration} is read on first use
     * @param clientId            Encore's client id at the provider
     * @param clientSecret        the client secret (give it by environment variable); blank for a public
     *                            client, which then relies on PKCE alone
     * @param displayName         shown on the button ("Sign in with …"); the id when blank
     * @param scopes              asked for; {@code openid} is always added
     * @param allowRegistration   whether an unknown provider account may create an Encore account
     * @param allowedEmailDomains when not empty, only accounts whose verified email is in one of these
     *                            domains may sign in, register or connect through this provider
     */
    record Provider(
            @NotNull URI issuerUri,
            @NotBlank @Size(max = 255) String clientId,
            String clientSecret,
            @Size(max = 60) String displayName,
            @NotNull @DefaultValue({ "openid", "profile", "email" }) List<@NotBlank String> scopes,
            @DefaultValue("false") boolean allowRegistration,
            @NotNull @DefaultValue({}) List<@NotBlank String> allowedEmailDomains) {

        String label(String id) {
            return displayName == null || displayName.isBlank() ? id : displayName;
        }

        boolean confidential() {
            return clientSecret != null && !clientSecret.isBlank();
        }
    }

    /** Nothing configured: the feature is invisible. */
    boolean enabled() {
        return !providers.isEmpty();
    }
}
