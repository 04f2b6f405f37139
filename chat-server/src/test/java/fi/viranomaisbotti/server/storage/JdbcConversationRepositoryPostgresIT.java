package fi.viranomaisbotti.server.storage;

import fi.viranomaisbotti.engine.conversation.ConversationRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The repository contract on a real PostgreSQL server (see {@link TestPostgres}). */
class JdbcConversationRepositoryPostgresIT extends ConversationRepositoryContract {
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
  ConversationRepository repository() {
    return new JdbcConversationRepository(database.dataSource());
  }
}
