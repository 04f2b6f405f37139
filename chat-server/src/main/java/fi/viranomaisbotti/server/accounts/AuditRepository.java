package fi.viranomaisbotti.server.accounts;

import java.util.List;

/** Where audit events are appended; implementations are thread-safe. */
public interface AuditRepository {
  /** Appends the event; its id is given by the store. */
  void append(AuditEvent event);

  /** The latest events, newest first; {@code actor} null for everyone's. */
  List<AuditEvent> latest(String actor, int limit);
}
