package fi.viranomaisbotti.server.storage;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the database is: an embedded H2 file under the data directory (no set-up), or a server
 * named by a JDBC URL (PostgreSQL, so several server nodes share the conversations).
 *
 * @param url a JDBC URL ({@code jdbc:postgresql://…} or {@code jdbc:h2:…})
 * @param dataDir the directory an embedded H2 file lives in, created if missing; null for a server
 */
public record DatabaseSettings(String url, String user, String password, Path dataDir) {
  /** H2's file name under the data directory (the file is {@code viranomaisbotti.mv.db}). */
  static final String H2_FILE = "viranomaisbotti";

  public DatabaseSettings {
    String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("jdbc:postgresql:") && !lower.startsWith("jdbc:h2:")) {
      throw new IllegalArgumentException(
          "DATABASE_URL must be a JDBC URL of PostgreSQL such as jdbc:postgresql://localhost:5432/viranomaisbotti"
              + " (or jdbc:h2:…), got '" + url + "'. Leave it unset to keep conversations in an H2 file under DATA_DIR.");
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  /**
   * The embedded H2 file under {@code dataDir}, with the user the earlier store created it with
   * (H2 admits only that user to an existing file). The password here is the empty one of earlier
   * versions: {@link Database#open} uses the generated one kept in {@code dataDir/db-password}.
   */
  public static DatabaseSettings embedded(Path dataDir) {
    Path file = dataDir.toAbsolutePath().resolve(H2_FILE);
    return new DatabaseSettings("jdbc:h2:file:" + file + ";AUTO_SERVER=FALSE", "bot", "", dataDir);
  }

  public static DatabaseSettings server(String url, String user, String password) {
    return new DatabaseSettings(url, user, password, null);
  }

  public boolean isPostgres() {
    return url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
  }

  /** The URL without its query part, for logs: a password may be in it. */
  public String describe() {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q) + "?…";
  }

  /** Without the password, so settings can be logged. */
  @Override
  public String toString() {
    return "DatabaseSettings[" + describe() + ", user=" + user + "]";
  }
}
