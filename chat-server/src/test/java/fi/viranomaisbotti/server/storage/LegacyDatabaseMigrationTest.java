package fi.viranomaisbotti.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.engine.KnownFact;
import fi.viranomaisbotti.engine.conversation.ConversationHead;
import fi.viranomaisbotti.engine.conversation.StoredTurn;
import fi.viranomaisbotti.engine.facts.Provenance;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory written by the store from before migrations keeps every row, and the new
 * repository reads it and goes on from it.
 */
class LegacyDatabaseMigrationTest {
  @TempDir Path dataDir;

  /** The tables and rows exactly as the old ConversationStore created and wrote them. */
  private void writeOldDatabase() throws Exception {
    DatabaseSettings s = DatabaseSettings.embedded(dataDir);
    try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password()); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS conversation (id VARCHAR(36) PRIMARY KEY, created_at TIMESTAMP NOT NULL,"
          + " updated_at TIMESTAMP NOT NULL)");
      st.execute("CREATE TABLE IF NOT EXISTS turn (conversation_id VARCHAR(36) NOT NULL REFERENCES conversation(id),"
          + " seq INT NOT NULL, at TIMESTAMP NOT NULL, role VARCHAR(16) NOT NULL, masked_text CLOB NOT NULL,"
          + " facts CLOB NOT NULL, PRIMARY KEY (conversation_id, seq))");
      st.execute("INSERT INTO conversation VALUES ('vanha', TIMESTAMP '2026-05-01 08:00:00', TIMESTAMP '2026-05-01 08:02:00')");
      st.execute("INSERT INTO conversation VALUES ('tyhja', TIMESTAMP '2026-05-02 09:00:00', TIMESTAMP '2026-05-02 09:00:00')");
      st.execute("INSERT INTO turn VALUES ('vanha', 1, TIMESTAMP '2026-05-01 08:00:00', 'user',"
          + " 'Avaan kahvilan Seinäjoelle, puhelin [PUHELIN].', '{}')");
      st.execute("INSERT INTO turn VALUES ('vanha', 2, TIMESTAMP '2026-05-01 08:01:00', 'answer', 'alkoholi=false',"
          + " '{\"alkoholi\":false}')");
      st.execute("INSERT INTO turn VALUES ('vanha', 3, TIMESTAMP '2026-05-01 08:02:00', 'answer', 'yleisomaara=350.0',"
          + " '{\"alkoholi\":false,\"yleisomaara\":350.0,\"kunta\":\"Seinäjoki\"}')");
    }
  }

  /** What a test does with the repository of a freshly opened (and so migrated) database. */
  @FunctionalInterface
  private interface RepositoryUse {
    void use(JdbcConversationRepository repository) throws Exception;
  }

  private void withRepository(RepositoryUse use) throws Exception {
    try (Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
      use.use(new JdbcConversationRepository(database.dataSource()));
    }
  }

  /** Appends a customer's turn to the old conversation at its current version. */
  private static boolean appendTo(JdbcConversationRepository repository, String text) {
    ConversationHead head = repository.head("vanha").orElseThrow();
    StoredTurn next = new StoredTurn(head.version() + 1, Instant.parse("2026-12-04T10:00:00Z"), StoredTurn.Role.USER,
        text, List.of());
    return repository.append("vanha", head.version(), next, head.facts(), head.language());
  }

  @Test
  void oldConversationsKeepTheirTurnsAndGetTheirVersionAndLatestFacts() throws Exception {
    writeOldDatabase();
    withRepository(repository -> {
      ConversationHead head = repository.head("vanha").orElseThrow();
      assertThat(head.version()).isEqualTo(3);
      assertThat(head.resumeTokenHash()).as("stored before resume tokens: cannot be resumed").isNull();
      assertThat(head.language()).isEqualTo("fi");
      assertThat(head.facts().yesNo("alkoholi")).map(KnownFact::value).hasValue(new KnownFact.YesNo(false));
      assertThat(head.facts().amount("yleisomaara")).map(KnownFact::value).hasValue(new KnownFact.Amount(350));
      assertThat(head.facts().municipalityCode()).hasValue("Seinäjoki");
      assertThat(head.facts().facts()).extracting(KnownFact::provenance).containsOnly(Provenance.ANSWERED);

      assertThat(repository.turns("vanha")).extracting(StoredTurn::seq, StoredTurn::role, StoredTurn::maskedText)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1, StoredTurn.Role.USER, "Avaan kahvilan Seinäjoelle, puhelin [PUHELIN]."),
              org.assertj.core.groups.Tuple.tuple(2, StoredTurn.Role.ANSWER, "alkoholi=false"),
              org.assertj.core.groups.Tuple.tuple(3, StoredTurn.Role.ANSWER, "yleisomaara=350.0"));
      assertThat(repository.turns("vanha").get(0).at()).isEqualTo(Instant.parse("2026-05-01T08:00:00Z"));

      assertThat(repository.head("tyhja")).map(ConversationHead::version).hasValue(0);
      assertThat(repository.head("tyhja")).map(h -> h.facts().facts()).hasValue(List.of());

      assertThat(appendTo(repository, "Palkkaan kaksi kokkia.")).isTrue();
      assertThat(repository.turns("vanha")).hasSize(4);
    });
  }

  @Test
  void openingTheSameDirectoryAgainRunsNoMigrationTwiceAndKeepsEverything() throws Exception {
    writeOldDatabase();
    withRepository(repository -> assertThat(appendTo(repository, "Entä terassi?")).isTrue());
    withRepository(repository -> {
      assertThat(repository.head("vanha")).map(ConversationHead::version).hasValue(4);
      assertThat(repository.turns("vanha")).extracting(StoredTurn::maskedText).endsWith("Entä terassi?");
      assertThat(repository.head("vanha").orElseThrow().facts().yesNo("alkoholi"))
          .map(KnownFact::value).hasValue(new KnownFact.YesNo(false));
    });
  }
}
