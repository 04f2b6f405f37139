package fi.viranomaisbotti.server.ops;

import fi.viranomaisbotti.server.web.TurnGate;

/**
 * Whether the server takes new work. It is ready once it is built (knowledge, rules and index are
 * loaded before the app starts) and stops being ready when shutdown begins: from then on a load
 * balancer sends no new requests, new turns are refused ({@code shutting_down}) and the turns in
 * flight finish (see {@link #turns()}). Thread-safe.
 */
public final class Readiness {
  private final TurnGate turns = new TurnGate();

  public boolean isReady() {
    return !turns.isClosed();
  }

  /** The gate chat turns and API calls pass; shutdown closes it and waits for it to empty. */
  public TurnGate turns() {
    return turns;
  }

  /** Shutdown has begun: from now on the server answers not ready and takes no new turns. */
  public void shutdownBegins() {
    turns.close();
  }
}
