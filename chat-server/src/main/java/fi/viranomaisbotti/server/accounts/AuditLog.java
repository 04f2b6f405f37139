package fi.viranomaisbotti.server.accounts;

import java.time.Clock;
import java.util.List;

/**
 * Records what signed-in people do, with who and when, and reads it back for administrators.
 * Targets and details are cut to what the table holds. Thread-safe.
 */
public final class AuditLog {
  private final AuditRepository repository;
  private final Clock clock;

  public AuditLog(AuditRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public void record(String actor, String action, String target, String detail) {
    repository.append(new AuditEvent(0, clock.instant(), cut(actor, 64), cut(action, 40), cut(target, 200), cut(detail, 500)));
  }

  public List<AuditEvent> latest(String actor, int limit) {
    return repository.latest(actor, limit);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
