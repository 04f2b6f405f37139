package fi.viranomaisbotti.server.storage;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge store contract on the embedded H2 file the server uses by default. */
class KnowledgeStoreH2Test extends KnowledgeStoreContract {
  @TempDir static Path dataDir;
  static Database database;

  @BeforeAll
  static void openDatabase() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @Override
  DataSource dataSource() {
    return database.dataSource();
  }
}
