package fi.viranomaisbotti.server.web;

import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Keeps one client from taking the server from others: request and message rates, open
 * WebSocket connections per client address, the Origin of WebSocket pages, and keep-alive pings.
 * (The text stored per conversation is capped by the conversation service.) Refusals are {@link
 * ApiException}s (429 {@code rate_limited} with a {@code Retry-After}, 403 {@code
 * origin_not_allowed}); over the WebSocket the connection stays open. Thread-safe.
 */
public final class TrafficGuard {
  /** How long a client refused for too many connections is asked to wait. */
  static final long CONNECTIONS_RETRY_SECONDS = 30;

  private final WebSettings settings;
  private final Limits limits;
  private final OriginPolicy origins;
  private final RateLimiter restPerAddress;
  private final RateLimiter messagesPerConnection;
  private final RateLimiter messagesPerAddress;
  private final Map<String, AtomicInteger> connectionsPerAddress = new ConcurrentHashMap<>();
  /** Connection → its client key, for the connections counted. */
  private final Map<String, String> counted = new ConcurrentHashMap<>();

  /**
   * @param nanoClock {@link System#nanoTime} except in tests
   */
  public TrafficGuard(WebSettings settings, LongSupplier nanoClock) {
    this.settings = settings;
    this.limits = settings.limits();
    this.origins = new OriginPolicy(settings.allowedOrigins());
    this.restPerAddress = new RateLimiter(limits.restPerAddress(), nanoClock);
    this.messagesPerConnection = new RateLimiter(limits.messagesPerConnection(), nanoClock);
    this.messagesPerAddress = new RateLimiter(limits.messagesPerAddress(), nanoClock);
  }

  /** Before a REST API request: its client address's rate. */
  public void restRequest(Context ctx) {
    long wait = restPerAddress.acquire(client(ctx));
    if (wait > 0) {
      throw new ApiException(429, "rate_limited",
          "Too many requests from your address: at most " + limits.restPerAddress().describe() + ". Try again in "
              + wait + " s.", wait, null);
    }
  }

  /** Before a WebSocket upgrade: the page's Origin and the client's open connections. */
  public void beforeUpgrade(Context ctx) {
    String origin = ctx.header("Origin");
    String host = ctx.header("Host");
    if (!origins.allows(origin, host)) {
      throw new ApiException(403, "origin_not_allowed",
          "The chat accepts WebSocket connections only from " + origins.describe(host) + "; the page's origin '"
              + QueryParams.shortened(origin) + "' is not allowed.");
    }
    AtomicInteger open = connectionsPerAddress.get(client(ctx));
    if (open != null && open.get() >= limits.connectionsPerAddress()) {
      throw tooManyConnections();
    }
  }

  /**
   * A connection opened: counts it for its address and starts keep-alive pings; closes it (1008,
   * policy violation) when its address already has the most connections allowed, which only
   * happens when several upgrades raced past {@link #beforeUpgrade}.
   *
   * @return whether the connection stays open
   */
  public boolean connected(WsContext ctx) {
    String client = client(ctx);
    counted.put(ctx.sessionId(), client);
    int open = connectionsPerAddress.computeIfAbsent(client, k -> new AtomicInteger()).incrementAndGet();
    if (open > limits.connectionsPerAddress()) {
      ctx.closeSession(1008, "Too many connections from your address; close other chat tabs.");
      return false;
    }
    ctx.enableAutomaticPings(limits.socketPingInterval().toMillis(), TimeUnit.MILLISECONDS);
    return true;
  }

  /** A connection closed or failed: forgets it; safe to call twice. */
  public void closed(WsContext ctx) {
    ctx.disableAutomaticPings();
    messagesPerConnection.forget(ctx.sessionId());
    String client = counted.remove(ctx.sessionId());
    if (client != null) {
      connectionsPerAddress.computeIfPresent(client, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }
  }

  /** Before any chat message is read: the connection's and the address's message rates. */
  public void message(WsContext ctx) {
    long connectionWait = messagesPerConnection.acquire(ctx.sessionId());
    long wait = connectionWait > 0 ? connectionWait : messagesPerAddress.acquire(client(ctx));
    if (wait > 0) {
      RateLimiter.Rate rate = connectionWait > 0 ? limits.messagesPerConnection() : limits.messagesPerAddress();
      throw new ApiException(429, "rate_limited",
          "Too many messages: at most " + rate.describe() + (connectionWait > 0 ? " on one connection" : " from one address")
              + ". Send it again in " + wait + " s; nothing said before is lost.",
          wait,
          "Viestejä tulee nopeammin kuin ehdin käsitellä. Odota " + wait + " s ja lähetä viesti uudelleen;"
              + " aiemmat tietosi ovat tallessa.");
    }
  }

  private ApiException tooManyConnections() {
    return new ApiException(429, "rate_limited",
        "Your address already has " + limits.connectionsPerAddress() + " open chat connections, the most allowed;"
            + " close other chat tabs and try again.", CONNECTIONS_RETRY_SECONDS, null);
  }

  private String client(Context ctx) {
    return ClientAddress.key(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"), settings.trustForwardedFor());
  }

  private String client(WsContext ctx) {
    SocketAddress peer = ctx.session.getRemoteSocketAddress();
    String remote = peer instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress().getHostAddress()
        : String.valueOf(peer);
    return ClientAddress.key(remote, ctx.header("X-Forwarded-For"), settings.trustForwardedFor());
  }
}
