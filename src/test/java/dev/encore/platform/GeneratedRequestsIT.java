package dev.encore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.encore.support.GeneratedRequests;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts.Account;

/**
 * The generated-input run (issue 10 §4): every operation of the app's own OpenAPI document gets
 * wrong types, missing and extra fields, garbage ids, broken escapes, huge values and odd content
 * types, signed in and not. No answer may be a 5xx, and no body may leak a stack trace, a class
 * name, SQL or a path. Deterministic (one seed); {@code bench/fuzz.sh} walks a running server the
 * same way.
 */
class GeneratedRequestsIT extends IntegrationTest {

    @Test
    void noGeneratedRequestGetsAServerErrorOrLeaksInternals() {
        Account user = users.user();
        Account admin = users.admin();
        AtomicInteger signed = new AtomicInteger();
        // a fresh session for every request, so that a generated sign-out ends only its own; every other
        // request is an admin's, so that the admin operations are walked too
        GeneratedRequests.Credentials credentials = () -> signed.getAndIncrement() % 2 == 0
                ? tokens.token(user.id(), List.of("USER"), Duration.ofMinutes(15))
                : tokens.token(admin.id(), List.of("USER", "ADMIN"), Duration.ofMinutes(15));
        long seed = Long.getLong("encore.fuzz.seed", 42); // another seed explores other choices
        GeneratedRequests.Report report = new GeneratedRequests(api.base(), credentials, seed, 3000)
                .leaking(dataDir().toString()).operatorDetailsUnder("/readyz").operatorDetailsUnder("/livez")
                .operatorDetailsUnder("/actuator").walk();

        System.out.println("Generated requests (seed " + seed + "): " + report.requests() + " over " + report.operations()
                + " operations; statuses " + report.statuses());
        assertThat(report.operations()).isGreaterThan(40);
        assertThat(report.requests()).isGreaterThan(1000);
        assertThat(report.findings()).as(String.join("\n", report.findings().stream().map(Object::toString).toList()))
                .isEmpty();
    }
}
