package fi.viranomaisbotti.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.viranomaisbotti.engine.FactSet;
import fi.viranomaisbotti.engine.conversation.StoredTurn;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention on the embedded database, with a fixed clock: 90 days after the latest turn, and no sooner. */
class RetentionJobTest {
  static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String HASH = "ab".repeat(32);

  @TempDir static Path dataDir;
  static Database database;
  static JdbcConversationRepository repository;

  @BeforeAll
  static void openDatabase() {
    database = Database.open(DatabaseSettings.embedded(dataDir));
    repository = new JdbcConversationRepository(database.dataSource());
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  private static String conversationWithLatestTurnAt(String id, Instant latest) {
    repository.create(id, HASH, latest.minus(Duration.ofDays(3)));
    repository.append(id, 0, new StoredTurn(1, latest, StoredTurn.Role.USER, "Perustan kahvilan Ouluun.", List.of()),
        FactSet.empty(), "fi");
    return id;
  }

  @Test
  void aConversationIsDeletedNinetyDaysAfterItsLatestTurnAndNotADaySooner() {
    String old = conversationWithLatestTurnAt("00000000-0000-4000-8000-000000000091", NOW.minus(Duration.ofDays(90)).minusSeconds(1));
    String young = conversationWithLatestTurnAt("00000000-0000-4000-8000-000000000089", NOW.minus(Duration.ofDays(89)));
    RetentionJob job = new RetentionJob(repository, Duration.ofDays(90), CLOCK);

    assertThat(job.runOnce()).isEqualTo(1);

    assertThat(repository.head(old)).isEmpty();
    assertThat(repository.turns(old)).isEmpty();
    assertThat(repository.head(young)).isPresent();
    assertThat(job.runOnce()).isZero();
  }

  @Test
  void theJobRunsOnceAsSoonAsItStarts() throws Exception {
    String old = conversationWithLatestTurnAt("00000000-0000-4000-8000-000000000365", NOW.minus(Duration.ofDays(365)));

    try (RetentionJob job = new RetentionJob(repository, Duration.ofDays(90), CLOCK).start(Duration.ofHours(1))) {
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (repository.head(old).isPresent() && System.nanoTime() < until) {
        Thread.sleep(20);
      }
    }

    assertThat(repository.head(old)).isEmpty();
  }

  @Test
  void aRetentionPeriodMustBePositive() {
    assertThatThrownBy(() -> new RetentionJob(repository, Duration.ZERO, CLOCK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
  }
}
