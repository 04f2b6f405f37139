package fi.viranomaisbotti.server.web;

import fi.viranomaisbotti.server.web.RateLimiter.Rate;
import java.time.Duration;

/**
 * What one client may ask of the server; docs/operations.md lists the figures and why. Immutable.
 *
 * @param restPerAddress REST API requests ({@code /api/...}) per client address
 * @param messagesPerConnection chat messages (any type) per WebSocket connection
 * @param messagesPerAddress chat messages per client address, over all its connections
 * @param connectionsPerAddress open WebSocket connections per client address
 * @param charactersPerConversation characters of text stored in one conversation; beyond it the
 *     customer is asked to start a new conversation
 * @param socketIdleTimeout how long a WebSocket may carry no frame at all before it is closed
 * @param socketPingInterval how often the server pings each WebSocket, so that a quiet tab (and
 *     any proxy between) keeps its connection and never has to reconnect and recompute
 */
public record Limits(
    Rate restPerAddress,
    Rate messagesPerConnection,
    Rate messagesPerAddress,
    int connectionsPerAddress,
    int charactersPerConversation,
    Duration socketIdleTimeout,
    Duration socketPingInterval) {

  public static final Limits DEFAULTS = new Limits(
      new Rate(120, 30), new Rate(30, 10), new Rate(120, 30), 50, 100_000, Duration.ofMinutes(5), Duration.ofSeconds(30));

  public Limits {
    if (connectionsPerAddress < 1 || charactersPerConversation < 1) {
      throw new IllegalArgumentException("Connections per address and characters per conversation must be at least 1, got "
          + connectionsPerAddress + " and " + charactersPerConversation + ".");
    }
    if (socketPingInterval.isNegative() || socketPingInterval.isZero() || socketIdleTimeout.compareTo(socketPingInterval) <= 0) {
      throw new IllegalArgumentException("The WebSocket ping interval (" + socketPingInterval.toSeconds()
          + " s) must be positive and shorter than the idle timeout (" + socketIdleTimeout.toSeconds()
          + " s), or quiet connections would be closed between pings.");
    }
  }
}
