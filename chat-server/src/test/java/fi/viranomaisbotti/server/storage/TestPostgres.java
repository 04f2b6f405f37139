package fi.viranomaisbotti.server.storage;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real PostgreSQL server the storage contracts run on, named by TEST_DATABASE_URL,
 * TEST_DATABASE_USER and TEST_DATABASE_PASSWORD (./test.sh starts one with
 * scripts/test-postgres.sh). Without a server the tests fail when {@code -Dpostgres.required=true}
 * (as test.sh runs them) and are skipped otherwise, so a plain {@code mvn verify} works anywhere.
 */
final class TestPostgres {
  private TestPostgres() {}

  /** The migrated database on the server, or the test skipped (or failed) when there is none. */
  static Database open() {
    String url = System.getenv("TEST_DATABASE_URL");
    if (url == null || url.isBlank()) {
      if (Boolean.getBoolean("postgres.required")) {
        fail("postgres.required is set but TEST_DATABASE_URL is not: start a server with"
            + " 'eval \"$(scripts/test-postgres.sh start)\"' (test.sh does), or drop -Dpostgres.required=true to skip.");
      }
      assumeTrue(false, "No PostgreSQL for this run: TEST_DATABASE_URL is not set (./test.sh sets it).");
    }
    return Database.open(DatabaseSettings.server(url, System.getenv("TEST_DATABASE_USER"), System.getenv("TEST_DATABASE_PASSWORD")));
  }
}
