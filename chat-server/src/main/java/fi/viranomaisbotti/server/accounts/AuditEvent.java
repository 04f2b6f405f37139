package fi.viranomaisbotti.server.accounts;

import java.time.Instant;

/**
 * One thing a signed-in person did.
 *
 * @param actor the username, or the name tried for a failed sign-in
 * @param action what was done, e.g. {@code sign_in}, {@code search_official}, {@code handoff_reply}
 * @param target what it was done to (an account, a handoff id, a query); may be null
 * @param detail more, without personal data of citizens; may be null
 */
public record AuditEvent(long id, Instant at, String actor, String action, String target, String detail) {}
