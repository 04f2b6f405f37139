package fi.viranomaisbotti.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.engine.editor.KnowledgeEditor;
import fi.viranomaisbotti.engine.editor.KnowledgeVersion;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start loads, across restarts of the embedded database: the packaged corpus the first
 * time, then the live version editors published, and a release's new packaged corpus once.
 */
class KnowledgeRestartTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dataDir;

  private static KnowledgeSource packaged(String answerName) {
    return KnowledgeSource.of("release", Map.of(
        "corpus.yaml", "name: testi\n",
        "answers/kahvila.yaml", "- id: a-kahvila\n  name: " + answerName + "\n"));
  }

  private SortedMap<String, String> start(KnowledgeSource packaged) {
    try (Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
      return KnowledgeEditor.startingFiles(new JdbcKnowledgeStore(database.dataSource()), packaged, CLOCK);
    }
  }

  @Test
  void aRestartLoadsThePublishedVersionUntilAReleaseBringsANewCorpus() {
    KnowledgeSource release1 = packaged("Kahvilan perustaminen");
    assertThat(start(release1)).isEqualTo(release1.files());

    SortedMap<String, String> edited = new TreeMap<>(release1.files());
    edited.put("answers/kahvila.yaml", "- id: a-kahvila\n  name: Kahvilan ja kahvilaravintolan perustaminen\n");
    try (Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
      new JdbcKnowledgeStore(database.dataSource()).publish(edited, KnowledgeEditor.contentHash(edited), "eeva.toimittaja",
          CLOCK.instant(), "Nimi tarkennettu", KnowledgeVersion.PUBLISH);
    }

    assertThat(start(release1)).as("the same release restarted").isEqualTo(edited);
    assertThat(start(release1)).as("and again").isEqualTo(edited);

    KnowledgeSource release2 = packaged("Kahvila");
    assertThat(start(release2)).as("a release with other corpus files").isEqualTo(release2.files());
    try (Database database = Database.open(DatabaseSettings.embedded(dataDir))) {
      JdbcKnowledgeStore store = new JdbcKnowledgeStore(database.dataSource());
      assertThat(store.list()).extracting(KnowledgeVersion::origin).containsExactly("package", "publish", "package");
      assertThat(store.live().orElseThrow().number()).isEqualTo(3);
      assertThat(store.live().orElseThrow().hash()).isEqualTo(KnowledgeEditor.contentHash(new TreeMap<>(release2.files())));
    }
  }
}
