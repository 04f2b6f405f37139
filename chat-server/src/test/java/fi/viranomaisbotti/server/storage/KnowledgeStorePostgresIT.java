package fi.viranomaisbotti.server.storage;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The knowledge store contract on a real PostgreSQL server, named by TEST_DATABASE_URL
 * (see {@link JdbcConversationRepositoryPostgresIT} for how ./test.sh provides one).
 */
class KnowledgeStorePostgresIT extends KnowledgeStoreContract {
  static Database database;

  @BeforeAll
  static void openDatabase() {
    String url = System.getenv("TEST_DATABASE_URL");
    if (url == null || url.isBlank()) {
      if (Boolean.getBoolean("postgres.required")) {
        fail("postgres.required is set but TEST_DATABASE_URL is not: start a server with"
            + " 'eval \"$(scripts/test-postgres.sh start)\"' (test.sh does), or drop -Dpostgres.required=true to skip.");
      }
      assumeTrue(false, "No PostgreSQL for this run: TEST_DATABASE_URL is not set (./test.sh sets it).");
    }
    database = Database.open(DatabaseSettings.server(url, System.getenv("TEST_DATABASE_USER"), System.getenv("TEST_DATABASE_PASSWORD")));
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
