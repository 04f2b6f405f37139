package fi.viranomaisbotti.server;

import fi.viranomaisbotti.engine.conversation.HandoffHours;
import fi.viranomaisbotti.server.storage.DatabaseSettings;
import fi.viranomaisbotti.server.web.Limits;
import fi.viranomaisbotti.server.web.RateLimiter.Rate;
import fi.viranomaisbotti.server.web.WebSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Server settings, read from the environment with embedded defaults.
 *
 * @param port HTTP port; PORT, default 7070 (0 picks a free port, for tests)
 * @param dataDir where the embedded database keeps conversations and the knowledge cache keeps the
 *     answer index and event classifier of recent knowledge versions; DATA_DIR, default ./data
 * @param knowledgeDir a corpus directory to load instead of the packaged corpus; KNOWLEDGE_DIR,
 *     default none
 * @param voikkoHandles Voikko handles in the pool; VOIKKO_HANDLES, default the number of cores
 * @param database PostgreSQL when DATABASE_URL is set (with DATABASE_USER and DATABASE_PASSWORD),
 *     otherwise an H2 file under dataDir
 * @param retentionDays conversations are deleted this many days after their latest turn;
 *     RETENTION_DAYS, default 90
 * @param web limits, allowed WebSocket origins, HSTS and proxy trust (see {@link #web(Map)})
 * @param shutdownGrace how long a shutdown waits for the turns in flight; SHUTDOWN_GRACE_SECONDS,
 *     default 20 (under Kubernetes' default termination grace of 30 s)
 * @param handoffHours when advisers take chats handed over to a person; HANDOFF_HOURS, e.g.
 *     "Mon-Fri 08:00-16:00 Europe/Helsinki", default "always"
 */
public record ServerConfig(
    int port, Path dataDir, Path knowledgeDir, int voikkoHandles, DatabaseSettings database, int retentionDays,
    WebSettings web, Duration shutdownGrace, HandoffHours handoffHours) {
  public static final int DEFAULT_PORT = 7070;
  public static final int DEFAULT_RETENTION_DAYS = 90;
  public static final int DEFAULT_SHUTDOWN_GRACE_SECONDS = 20;

  public static ServerConfig fromEnvironment(Map<String, String> env) {
    int port = intValue(env, "PORT", DEFAULT_PORT, 0, 65535);
    Path data = Path.of(env.getOrDefault("DATA_DIR", "./data"));
    String k = env.get("KNOWLEDGE_DIR");
    int handles = intValue(env, "VOIKKO_HANDLES", Math.max(2, Runtime.getRuntime().availableProcessors()), 1, 256);
    int retentionDays = intValue(env, "RETENTION_DAYS", DEFAULT_RETENTION_DAYS, 1, 36_500);
    Duration grace = Duration.ofSeconds(intValue(env, "SHUTDOWN_GRACE_SECONDS", DEFAULT_SHUTDOWN_GRACE_SECONDS, 0, 3_600));
    return new ServerConfig(
        port, data, k == null || k.isBlank() ? null : Path.of(k), handles, database(env, data), retentionDays, web(env),
        grace, HandoffHours.parse(env.get("HANDOFF_HOURS")));
  }

  /**
   * The web settings: each limit from its variable, defaults from {@link Limits#DEFAULTS}
   * (docs/operations.md lists them); ALLOWED_ORIGINS a comma-separated list of origins; HSTS and
   * TRUST_X_FORWARDED_FOR true or false.
   */
  static WebSettings web(Map<String, String> env) {
    Limits d = Limits.DEFAULTS;
    int max = 1_000_000;
    Limits limits = new Limits(
        new Rate(intValue(env, "REST_REQUESTS_PER_MINUTE", d.restPerAddress().perMinute(), 1, max),
            intValue(env, "REST_BURST", d.restPerAddress().burst(), 1, max)),
        new Rate(intValue(env, "CHAT_MESSAGES_PER_MINUTE", d.messagesPerConnection().perMinute(), 1, max),
            intValue(env, "CHAT_BURST", d.messagesPerConnection().burst(), 1, max)),
        new Rate(intValue(env, "CHAT_MESSAGES_PER_MINUTE_PER_ADDRESS", d.messagesPerAddress().perMinute(), 1, max),
            intValue(env, "CHAT_BURST_PER_ADDRESS", d.messagesPerAddress().burst(), 1, max)),
        intValue(env, "CONNECTIONS_PER_ADDRESS", d.connectionsPerAddress(), 1, max),
        intValue(env, "CONVERSATION_MAX_CHARACTERS", d.charactersPerConversation(), 1_000, 100_000_000),
        Duration.ofSeconds(intValue(env, "WS_IDLE_TIMEOUT_SECONDS", (int) d.socketIdleTimeout().toSeconds(), 10, 86_400)),
        Duration.ofSeconds(intValue(env, "WS_PING_SECONDS", (int) d.socketPingInterval().toSeconds(), 1, 3_600)));
    String origins = env.getOrDefault("ALLOWED_ORIGINS", "");
    List<String> allowed = Arrays.stream(origins.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
    return new WebSettings(limits, allowed, flag(env, "HSTS"), flag(env, "TRUST_X_FORWARDED_FOR"));
  }

  private static boolean flag(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return false;
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false, got '" + v + "'");
    };
  }

  private static DatabaseSettings database(Map<String, String> env, Path dataDir) {
    String url = env.get("DATABASE_URL");
    if (url == null || url.isBlank()) {
      if (present(env, "DATABASE_USER") || present(env, "DATABASE_PASSWORD")) {
        throw new IllegalArgumentException(
            "DATABASE_USER or DATABASE_PASSWORD is set but DATABASE_URL is not; set DATABASE_URL too"
                + " (e.g. jdbc:postgresql://localhost:5432/viranomaisbotti), or unset them to use the embedded database.");
      }
      return DatabaseSettings.embedded(dataDir);
    }
    return DatabaseSettings.server(url.strip(), env.get("DATABASE_USER"), env.get("DATABASE_PASSWORD"));
  }

  private static boolean present(Map<String, String> env, String name) {
    return env.get(name) != null && !env.get(name).isBlank();
  }

  private static int intValue(Map<String, String> env, String name, int fallback, int min, int max) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'", e);
    }
  }
}
