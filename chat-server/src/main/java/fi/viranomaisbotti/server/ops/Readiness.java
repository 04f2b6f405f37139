package fi.viranomaisbotti.server.ops;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the server takes new work. It is ready once it is built (knowledge, rules and index are
 * loaded before the app starts) and stops being ready when shutdown begins, so a load balancer
 * sends no new requests while turns in flight finish. Thread-safe.
 */
public final class Readiness {
  private final AtomicBoolean shuttingDown = new AtomicBoolean();

  public boolean isReady() {
    return !shuttingDown.get();
  }

  /** Shutdown has begun: from now on the server answers not ready. */
  public void shutdownBegins() {
    shuttingDown.set(true);
  }
}
