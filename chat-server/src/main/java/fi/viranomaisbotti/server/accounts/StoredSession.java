package fi.viranomaisbotti.server.accounts;

import java.time.Instant;

/**
 * A session as stored: the SHA-256 of the cookie's id, never the id itself.
 *
 * @param idHash 64 hex digits
 */
public record StoredSession(String idHash, String username, String csrfToken, Instant createdAt, Instant expiresAt) {}
