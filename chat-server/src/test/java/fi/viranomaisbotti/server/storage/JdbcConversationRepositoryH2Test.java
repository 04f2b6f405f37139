package fi.viranomaisbotti.server.storage;

import fi.viranomaisbotti.engine.conversation.ConversationRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The repository contract on the embedded H2 file the server uses by default. */
class JdbcConversationRepositoryH2Test extends ConversationRepositoryContract {
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
  ConversationRepository repository() {
    return new JdbcConversationRepository(database.dataSource());
  }
}
