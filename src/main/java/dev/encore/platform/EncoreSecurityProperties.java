package dev.encore.platform;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Security settings shared by every module.
 *
 * @param allowedOrigins          browser origins allowed to call the API cross-origin (exact
 *                                origins such as {@code https://media.example.org}); empty
 *                                means same-origin only
 * @param jwtSecret               HMAC key for access tokens, at least 32 bytes; generated and
 *                                kept under the data dir in embedded mode, required in prod
 * @param adminRegistrationKey    key that makes a registering account an admin; generated in
 *                                embedded mode, required in prod
 * @param trustedProxies          addresses or CIDR ranges of reverse proxies whose
 *                                {@code X-Forwarded-For} / {@code Forwarded} headers are believed
 * @param secretBoxKey            key material for {@link SecretBox} (AES-256-GCM at rest), at
 *                                least 32 characters; generated in embedded mode, required in prod
 * @param denyList                where revoked access tokens are remembered: {@code local}
 *                                (in-process) or {@code redis} (all nodes)
 * @param adminKeyReusable        whether an operator-set admin registration key keeps making admins
 *                                after the first one (a generated key never does); see
 *                                {@link AdminRegistrationKey}
 */
@Validated
@ConfigurationProperties("encore.security")
public record EncoreSecurityProperties(
        @NotNull @DefaultValue({}) List<@Pattern(regexp = "\\*|https?://[^/\\s?#]+", message = "must be an origin such as https://media.example.org") String> allowedOrigins,
        @NotBlank @Size(min = 32, message = "must be at least 32 characters") String jwtSecret,
        @NotBlank String adminRegistrationKey,
        @NotNull @DefaultValue({}) List<@NotBlank String> trustedProxies,
        @NotBlank @Size(min = 32, message = "must be at least 32 characters") String secretBoxKey,
        @NotNull @DefaultValue("local") Store denyList,
        @DefaultValue("false") boolean adminKeyReusable) {

    /** Where shared security state lives. */
    public enum Store {
        LOCAL, REDIS
    }
}
