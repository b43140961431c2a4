package dev.encore.account.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.encore.account.user.CredentialCheckThrottle.Purpose;
import dev.encore.platform.RateLimitExceededException;
import dev.encore.platform.RateLimitStatus;
import dev.encore.platform.RateLimits;

class CredentialCheckThrottleTests {

    private final RateLimits limits = mock(RateLimits.class);
    private final AuditTrail audit = mock(AuditTrail.class);
    private final CredentialCheckThrottle throttle = new CredentialCheckThrottle(limits, audit);
    private final UUID user = UUID.randomUUID();
    private final String key = "account:" + user;

    @BeforeEach
    void limitsOn() {
        when(limits.enabled()).thenReturn(true);
    }

    @Test
    void aRightCredentialGivesItsTokenBackAndIsNotAudited() {
        assertThat(throttle.check(user, Purpose.PASSWORD_CHANGE, () -> true)).isTrue();
        verify(limits).enforce(CredentialCheckThrottle.LIMIT, key);
        verify(limits).giveBack(CredentialCheckThrottle.LIMIT, key);
        verify(audit, never()).record(anyString(), any(), any(), any());
    }

    @Test
    void aWrongCredentialKeepsItsTokenAndIsAudited() {
        assertThat(throttle.check(user, Purpose.MFA_DISABLING, () -> false)).isFalse();
        verify(limits, never()).giveBack(anyString(), anyString());
        verify(audit).record("credential-check.failed", user, user,
                Map.of("credential", "totp-code", "action", "mfa-disable"));
    }

    @Test
    void aThrottledAccountIsNotCheckedAndTheRefusalIsAudited() {
        when(limits.enforce(CredentialCheckThrottle.LIMIT, key))
                .thenThrow(RateLimitExceededException.of(new RateLimitStatus(10, 0, 900, 900, false)));
        AtomicBoolean checked = new AtomicBoolean();
        assertThatThrownBy(() -> throttle.check(user, Purpose.ACCOUNT_DELETION, () -> checked.getAndSet(true)))
                .isInstanceOf(RateLimitExceededException.class);
        assertThat(checked).isFalse();
        verify(audit).record(eq("credential-check.throttled"), eq(user), eq(user),
                eq(Map.of("credential", "password", "action", "account-deletion")));
    }

    @Test
    void withLimitsOffFailuresAreStillAudited() {
        when(limits.enabled()).thenReturn(false);
        assertThat(throttle.check(user, Purpose.MFA_CONFIRMATION, () -> false)).isFalse();
        verify(limits, never()).enforce(anyString(), anyString());
        verify(audit).record("credential-check.failed", user, user,
                Map.of("credential", "totp-code", "action", "mfa-confirm"));
    }
}
