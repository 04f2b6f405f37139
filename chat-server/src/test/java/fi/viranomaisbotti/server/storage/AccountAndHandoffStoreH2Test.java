package fi.viranomaisbotti.server.storage;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The account and handoff store contract on the embedded H2 file the server uses by default. */
class AccountAndHandoffStoreH2Test extends AccountAndHandoffStoreContract {
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
