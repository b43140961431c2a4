package dev.encore.account;

import java.util.UUID;

/** An account was deleted; every module removes what the user owned. */
public record UserDeleted(UUID userId) {
}
