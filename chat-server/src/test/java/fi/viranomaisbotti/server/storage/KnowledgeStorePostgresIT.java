package fi.viranomaisbotti.server.storage;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The knowledge store contract on a real PostgreSQL server, named by TEST_DATABASE_URL
 * (see {@link TestPostgres}).
 */
class KnowledgeStorePostgresIT extends KnowledgeStoreContract {
  static Database database;

  @BeforeAll
  static void openDatabase() {
    database = TestPostgres.open();
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  DataSource dataSource() {
    return database.dataSource();
  }
}
