package fi.viranomaisbotti.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * Server settings, read from the environment with embedded defaults.
 *
 * @param port HTTP port; PORT, default 7070 (0 picks a free port, for tests)
 * @param dataDir where conversations are stored; DATA_DIR, default ./data
 * @param knowledgeDir a corpus directory to load instead of the packaged corpus; KNOWLEDGE_DIR,
 *     default none
 * @param voikkoHandles Voikko handles in the pool; VOIKKO_HANDLES, default the number of cores
 */
public record ServerConfig(int port, Path dataDir, Path knowledgeDir, int voikkoHandles) {
  public static final int DEFAULT_PORT = 7070;

  public static ServerConfig fromEnvironment(Map<String, String> env) {
    int port = intValue(env, "PORT", DEFAULT_PORT, 0, 65535);
    Path data = Path.of(env.getOrDefault("DATA_DIR", "./data"));
    String k = env.get("KNOWLEDGE_DIR");
    int handles = intValue(env, "VOIKKO_HANDLES", Math.max(2, Runtime.getRuntime().availableProcessors()), 1, 256);
    return new ServerConfig(port, data, k == null || k.isBlank() ? null : Path.of(k), handles);
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
