package fi.viranomaisbotti.server.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded H2 database under {@code DATA_DIR} to its owner, since it holds what citizens
 * wrote: the data directory is made 0700 when this creates it, the database files are 0600, and
 * the H2 user has a generated password kept in {@code DATA_DIR/db-password} (0600), written on the
 * first start. A database created by earlier versions with the empty password is opened once with
 * it and given the generated one. On a file system without POSIX permissions the modes are left to
 * the system and a warning says so. Not thread-safe: used once while the database opens.
 */
final class EmbeddedH2 {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedH2.class);

  /** The password file's name under the data directory. */
  static final String PASSWORD_FILE = "db-password";
  /** H2's error code for a wrong user name or password. */
  private static final int WRONG_USER_OR_PASSWORD = 28000;
  /** The password H2 users had before the password file existed. */
  private static final String LEGACY_PASSWORD = "";

  static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private EmbeddedH2() {}

  /**
   * Prepares the data directory and returns the settings with the database's password: creates
   * what is missing with owner-only modes and moves a database with the old empty password to the
   * generated one.
   */
  static DatabaseSettings secure(DatabaseSettings embedded) {
    Path dir = embedded.dataDir().toAbsolutePath();
    boolean posix = createDirectory(dir);
    String password = password(dir.resolve(PASSWORD_FILE), posix);
    Path file = databaseFile(dir);
    if (Files.exists(file)) {
      upgradeLegacyPassword(embedded, password, file);
    } else if (posix) {
      // Created empty with its mode before H2 writes a byte into it (H2 starts an empty file as a
      // new database), so the file is never readable by others, not even for a moment.
      try {
        createOwnerOnly(file);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot create the database file " + file + ": " + e.getMessage()
            + ". Set DATA_DIR to a writable directory.", e);
      }
    }
    restrictFiles(dir);
    return new DatabaseSettings(embedded.url(), embedded.user(), password, embedded.dataDir());
  }

  /** Makes every file of the database owner-only again; H2 may have made new ones (a trace file). */
  static void restrictFiles(Path dir) {
    if (!isPosix(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, DatabaseSettings.H2_FILE + ".*")) {
      for (Path f : files) {
        if (Files.isRegularFile(f) && !Files.getPosixFilePermissions(f).equals(OWNER_ONLY_FILE)) {
          Files.setPosixFilePermissions(f, OWNER_ONLY_FILE);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot make the database files in " + dir + " readable by their owner only: "
          + e.getMessage() + ". Check that the server's user owns DATA_DIR.", e);
    }
  }

  static Path databaseFile(Path dir) {
    return dir.resolve(DatabaseSettings.H2_FILE + ".mv.db");
  }

  /** @return whether the directory's file system has POSIX permissions */
  private static boolean createDirectory(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        Path parent = dir.getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        boolean posix = isPosix(parent == null ? dir.getRoot() : parent);
        FileAttribute<?>[] mode = posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)}
            : new FileAttribute<?>[0];
        try {
          Files.createDirectory(dir, mode);
          if (posix) {
            // The umask may have taken bits away from the attribute; set the mode exactly.
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
          }
        } catch (FileAlreadyExistsException raced) {
          // Another process made it first; its mode is left as it is.
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create the data directory " + dir + ": " + e.getMessage()
          + ". Set DATA_DIR to a writable directory.", e);
    }
    boolean posix = isPosix(dir);
    if (!posix) {
      LOG.warn("The file system of {} has no POSIX permissions; make sure only the server's user can read it.", dir);
    }
    return posix;
  }

  /** The password in the file, or a new one written to a new file. */
  private static String password(Path file, boolean posix) {
    try {
      if (Files.exists(file)) {
        if (posix && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
          LOG.warn("{} was readable by others; its mode is now 0600.", file);
          Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
          throw new IllegalStateException("The database password file " + file + " is empty. Restore it from the backup"
              + " taken with the database, or remove it together with the database files to start empty.");
        }
        return password;
      }
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      // Written beside and moved into place, so a crash never leaves a half-written password.
      Path temporary = file.resolveSibling(PASSWORD_FILE + ".new");
      Files.deleteIfExists(temporary);
      if (posix) {
        createOwnerOnly(temporary);
      }
      Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      LOG.info("Generated the embedded database's password in {}", file);
      return password;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read or write the database password file " + file + ": " + e.getMessage()
          + ". Check that the server's user owns DATA_DIR.", e);
    }
  }

  /**
   * A database from before the password file has the empty password: opened once with it, its
   * user gets the generated password, and the empty one stops working.
   */
  private static void upgradeLegacyPassword(DatabaseSettings embedded, String password, Path file) {
    try (Connection ignored = DriverManager.getConnection(embedded.url(), embedded.user(), password)) {
      return;
    } catch (SQLException e) {
      if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
        throw new IllegalStateException("Cannot open the embedded database " + file + ": " + e.getMessage(), e);
      }
    }
    try (Connection c = DriverManager.getConnection(embedded.url(), embedded.user(), LEGACY_PASSWORD);
        Statement st = c.createStatement()) {
      // The password is URL-safe Base64 (no quote can end the literal); H2 takes no parameter here.
      st.execute("ALTER USER \"" + embedded.user().toUpperCase(java.util.Locale.ROOT) + "\" SET PASSWORD '" + password + "'");
      LOG.info("The embedded database {} had the empty password of earlier versions; it now has the one in {}.",
          file, PASSWORD_FILE);
    } catch (SQLException e) {
      throw new IllegalStateException("The embedded database " + file + " accepts neither the password in "
          + file.resolveSibling(PASSWORD_FILE) + " nor the empty password of earlier versions (" + e.getMessage()
          + "). Restore " + PASSWORD_FILE + " from the backup taken with the database, or move the database files away"
          + " to start empty.", e);
    }
  }

  private static void createOwnerOnly(Path file) throws IOException {
    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
  }

  private static boolean isPosix(Path path) {
    return path != null && Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
  }
}
