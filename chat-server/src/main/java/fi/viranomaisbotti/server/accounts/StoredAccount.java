package fi.viranomaisbotti.server.accounts;

import java.time.Instant;

/**
 * An account as stored, with what signing in needs: the password hash and the failed attempts.
 *
 * @param lockedUntil until when sign-ins are refused after repeated failures; null when not locked
 */
public record StoredAccount(Account account, String passwordHash, int failedAttempts, Instant lockedUntil) {}
