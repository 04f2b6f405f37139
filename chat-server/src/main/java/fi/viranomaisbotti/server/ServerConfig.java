package fi.viranomaisbotti.server;

import fi.viranomaisbotti.server.storage.DatabaseSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * Server settings, read from the environment with embedded defaults.
 *
 * @param port HTTP port; PORT, default 7070 (0 picks a free port, for tests)
 * @param dataDir where the embedded database keeps conversations; DATA_DIR, default ./data
 * @param knowledgeDir a corpus directory to load instead of the packaged corpus; KNOWLEDGE_DIR,
 *     default none
 * @param voikkoHandles Voikko handles in the pool; VOIKKO_HANDLES, default the number of cores
 * @param database PostgreSQL when DATABASE_URL is set (with DATABASE_USER and DATABASE_PASSWORD),
 *     otherwise an H2 file under dataDir
 * @param retentionDays conversations are deleted this many days after their latest turn;
 *     RETENTION_DAYS, default 90
 */
public record ServerConfig(
    int port, Path dataDir, Path knowledgeDir, int voikkoHandles, DatabaseSettings database, int retentionDays) {
  public static final int DEFAULT_PORT = 7070;
  public static final int DEFAULT_RETENTION_DAYS = 90;

  public static ServerConfig fromEnvironment(Map<String, String> env) {
    int port = intValue(env, "PORT", DEFAULT_PORT, 0, 65535);
    Path data = Path.of(env.getOrDefault("DATA_DIR", "./data"));
    String k = env.get("KNOWLEDGE_DIR");
    int handles = intValue(env, "VOIKKO_HANDLES", Math.max(2, Runtime.getRuntime().availableProcessors()), 1, 256);
    int retentionDays = intValue(env, "RETENTION_DAYS", DEFAULT_RETENTION_DAYS, 1, 36_500);
    return new ServerConfig(
        port, data, k == null || k.isBlank() ? null : Path.of(k), handles, database(env, data), retentionDays);
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
