package dev.encore.account.user;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.FieldProblem;
import dev.encore.platform.Problems;

/** A change that conflicts with the accounts' current state (409). */
public class AccountConflictException extends ErrorResponseException {

    private AccountConflictException(String slug, String title, String detail) {
        super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, slug, title, detail), null);
    }

    /** Username or email already in use (ignoring case); {@code errors} names the fields. */
    public static AccountConflictException taken(List<String> fields) {
        AccountConflictException ex = new AccountConflictException("account-exists", "Account exists",
                "An account with this username or email already exists.");
        ex.getBody().setProperty("errors", fields.stream()
                .map(field -> new FieldProblem(field, "is already taken")).toList());
        return ex;
    }

    public static AccountConflictException mfaAlreadyEnabled() {
        return new AccountConflictException("mfa-already-enabled", "Two-factor already on",
                "Two-factor authentication is already enabled; disable it first to enrol again.");
    }

    public static AccountConflictException mfaNotStarted() {
        return new AccountConflictException("mfa-not-started", "No enrolment in progress",
                "Start enrolment with POST /api/v1/me/mfa/totp first.");
    }

    public static AccountConflictException mfaNotEnabled() {
        return new AccountConflictException("mfa-not-enabled", "Two-factor is off",
                "Two-factor authentication is not enabled for this account.");
    }

    /** An admin resetting their own second factor, which needs a code like everyone's. */
    public static AccountConflictException ownSecondFactor() {
        return new AccountConflictException("own-second-factor", "Own second factor",
                "Admins do not reset their own two-factor authentication: turn it off with DELETE /api/v1/me/mfa/totp "
                        + "and a current code or a recovery code.");
    }

    public static AccountConflictException lastAdmin() {
        return new AccountConflictException("last-admin", "Last admin",
                "The last enabled admin cannot be demoted, disabled or deleted: make another account an admin first.");
    }
}
