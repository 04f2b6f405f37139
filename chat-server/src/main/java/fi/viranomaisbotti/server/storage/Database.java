package fi.viranomaisbotti.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database, opened once per server: a HikariCP pool, migrated by Flyway to the schema in
 * {@code db/migration} before anything uses it. Thread-safe.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource pool;

  private Database(HikariDataSource pool) {
    this.pool = pool;
  }

  /** Opens the pool and migrates the schema; fails with what to fix if either is impossible. */
  public static Database open(DatabaseSettings settings) {
    // The embedded database's password is in its data directory, not in the settings.
    DatabaseSettings effective = settings.dataDir() == null ? settings : EmbeddedH2.secure(settings);
    HikariConfig config = new HikariConfig();
    config.setPoolName("viranomaisbotti-db");
    config.setJdbcUrl(effective.url());
    config.setUsername(effective.user());
    config.setPassword(effective.password());
    // A server that cannot reach its database should say so within seconds, not hang.
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Cannot connect to the database " + settings.describe() + " as '" + settings.user()
          + "': " + rootMessage(e) + ". Check DATABASE_URL, DATABASE_USER and DATABASE_PASSWORD"
          + " (or DATA_DIR for the embedded database).", e);
    }
    try {
      migrate(pool);
    } catch (FlywayException e) {
      pool.close();
      throw new IllegalStateException("Cannot bring the database " + settings.describe() + " to the current schema: "
          + e.getMessage(), e);
    }
    if (settings.dataDir() != null) {
      EmbeddedH2.restrictFiles(settings.dataDir().toAbsolutePath());
    }
    return new Database(pool);
  }

  /**
   * Runs the migrations. A database with the tables of the store from before migrations and no
   * Flyway history is taken as version 1 (baselineOnMigrate), so its rows are kept and only the
   * later migrations run on it.
   */
  static void migrate(DataSource dataSource) {
    var result = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .baselineOnMigrate(true)
        .baselineVersion("1")
        .baselineDescription("tables of the store from before migrations")
        .load()
        .migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info("Database migrated to version {} ({} migration(s))", result.targetSchemaVersion, result.migrationsExecuted);
    }
  }

  public DataSource dataSource() {
    return pool;
  }


  @Override
  public void close() {
    pool.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
