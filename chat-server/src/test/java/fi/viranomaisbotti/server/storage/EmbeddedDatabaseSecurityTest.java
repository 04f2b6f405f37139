package fi.viranomaisbotti.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database keeps what citizens wrote to its owner: file modes and the generated password. */
class EmbeddedDatabaseSecurityTest {
  @TempDir Path temp;
  Path dataDir;

  @BeforeEach
  void posixOnly() {
    assumeTrue(Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null,
        "File modes are checked only on a file system with POSIX permissions.");
    dataDir = temp.resolve("data");
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private String passwordFile() throws Exception {
    return Files.readString(dataDir.resolve(EmbeddedH2.PASSWORD_FILE), StandardCharsets.UTF_8).strip();
  }

  private boolean opensWith(String password) {
    DatabaseSettings s = DatabaseSettings.embedded(dataDir);
    try (Connection ignored = DriverManager.getConnection(s.url(), s.user(), password)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private void storeAConversation(Database database) {
    new JdbcConversationRepository(database.dataSource())
        .create("5f0c3b8e-0000-4000-8000-000000000001", "ab".repeat(32), Instant.parse("2026-12-04T10:00:00Z"));
  }

  @Test
  void aNewDataDirectoryIsOwnerOnlyAndTheDatabaseFileAndPasswordFileAreReadableByTheOwnerOnly() throws Exception {
    try (Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
      storeAConversation(database);
    }

    assertThat(mode(dataDir)).isEqualTo("rwx------");
    assertThat(mode(EmbeddedH2.databaseFile(dataDir))).isEqualTo("rw-------");
    assertThat(mode(dataDir.resolve(EmbeddedH2.PASSWORD_FILE))).isEqualTo("rw-------");
    try (var files = Files.list(dataDir)) {
      assertThat(files).allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
    }
  }

  @Test
  void theGeneratedPasswordIsTheOnlyOneTheDatabaseAcceptsAndItIsKeptForTheNextStart() throws Exception {
    try (Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
      storeAConversation(database);
    }
    String password = passwordFile();

    assertThat(password).matches("[A-Za-z0-9_-]{43}");
    assertThat(opensWith("")).isFalse();
    assertThat(opensWith(password)).isTrue();
    try (Database again = Database.open(DatabaseSettings.embedded(dataDir))) {
      assertThat(new JdbcConversationRepository(again.dataSource()).count()).isEqualTo(1);
    }
    assertThat(passwordFile()).isEqualTo(password);
  }

  @Test
  void aDatabaseCreatedWithTheOldEmptyPasswordOpensOnceAndThenHasTheGeneratedPassword() throws Exception {
    Files.createDirectories(dataDir);
    DatabaseSettings old = DatabaseSettings.embedded(dataDir);
    try (Connection c = DriverManager.getConnection(old.url(), old.user(), "");
        Statement st = c.createStatement()) {
      // The tables of the store from before migrations, as LegacyDatabaseMigrationTest writes them.
      st.execute("CREATE TABLE conversation (id VARCHAR(36) PRIMARY KEY, created_at TIMESTAMP NOT NULL,"
          + " updated_at TIMESTAMP NOT NULL)");
      st.execute("CREATE TABLE turn (conversation_id VARCHAR(36) NOT NULL REFERENCES conversation(id),"
          + " seq INT NOT NULL, at TIMESTAMP NOT NULL, role VARCHAR(16) NOT NULL, masked_text CLOB NOT NULL,"
          + " facts CLOB NOT NULL, PRIMARY KEY (conversation_id, seq))");
      st.execute("INSERT INTO conversation VALUES ('säilyy', TIMESTAMP '2026-05-01 08:00:00', TIMESTAMP '2026-05-01 08:00:00')");
    }

    try (Database database = Database.open(DatabaseSettings.embedded(dataDir));
        Connection c = database.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id FROM conversation")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("säilyy");
    }

    assertThat(opensWith("")).isFalse();
    assertThat(opensWith(passwordFile())).isTrue();
    assertThat(mode(EmbeddedH2.databaseFile(dataDir))).isEqualTo("rw-------");
    try (Database again = Database.open(DatabaseSettings.embedded(dataDir))) {
      assertThat(again.dataSource()).isNotNull();
    }
  }

  @Test
  void aPasswordFileThatDoesNotFitTheDatabaseStopsTheStartSayingWhatToDo() throws Exception {
    try (Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
      storeAConversation(database);
    }
    Files.writeString(dataDir.resolve(EmbeddedH2.PASSWORD_FILE), "väärä-salasana\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Database.open(DatabaseSettings.embedded(dataDir)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("accepts neither the password in")
        .hasMessageContaining("Restore db-password from the backup");
  }

  @Test
  void anExistingDataDirectoryKeepsItsModeAndAPasswordFileReadableByOthersIsTightened() throws Exception {
    Files.createDirectories(dataDir);
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-x---"));
    try (Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
      storeAConversation(database);
    }
    Files.setPosixFilePermissions(dataDir.resolve(EmbeddedH2.PASSWORD_FILE), PosixFilePermissions.fromString("rw-r--r--"));

    try (Database again = Database.open(DatabaseSettings.embedded(dataDir))) {
      assertThat(again.dataSource()).isNotNull();
    }

    assertThat(mode(dataDir)).isEqualTo("rwxr-x---");
    assertThat(mode(dataDir.resolve(EmbeddedH2.PASSWORD_FILE))).isEqualTo("rw-------");
  }
}
