package fi.viranomaisbotti.server.accounts;

import java.time.Instant;
import java.util.Optional;

/** Where sessions are kept, by the hash of their id; implementations are thread-safe. */
public interface SessionRepository {
  void createSession(StoredSession session);

  Optional<StoredSession> findSession(String idHash);

  void deleteSession(String idHash);

  /** Ends every session of an account (disabled, roles or password changed). */
  void deleteSessionsOf(String username);

  /** Deletes sessions expired before the time; returns how many. */
  int deleteExpiredSessions(Instant now);
}
