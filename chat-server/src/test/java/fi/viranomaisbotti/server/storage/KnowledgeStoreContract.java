package fi.viranomaisbotti.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.viranomaisbotti.engine.editor.DraftRepository;
import fi.viranomaisbotti.engine.editor.KnowledgeVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the knowledge versions and the draft store must do, on every database the server supports. */
abstract class KnowledgeStoreContract {
  abstract DataSource dataSource();

  private JdbcKnowledgeStore store;

  @BeforeEach
  void emptyDraft() {
    store = new JdbcKnowledgeStore(dataSource());
    store.update(d -> new DraftRepository.Edit<>(true, Map.of(), null));
  }

  private static SortedMap<String, String> corpus(String answer) {
    SortedMap<String, String> files = new TreeMap<>();
    files.put("corpus.yaml", "name: testi\n");
    files.put("answers/kahvila.yaml", "# Kahvilan vastaukset.\n- id: a-kahvila\n  name: " + answer + "\n");
    files.put("rules/ravintola.drl", "package fi.viranomaisbotti.rules\n");
    return files;
  }

  @Test
  void aPublishedVersionIsLiveWithItsFilesAndTheOneBeforeIsNot() {
    String tag = Long.toString(System.nanoTime());
    KnowledgeVersion first = store.publish(corpus("Kahvila " + tag), "hash-1-" + tag, "system", Instant.parse("2026-12-05T01:00:00Z"),
        "Packaged corpus", KnowledgeVersion.PACKAGE);
    KnowledgeVersion second = store.publish(corpus("Kahvilan perustaminen " + tag), "hash-2-" + tag, "eeva.toimittaja",
        Instant.parse("2026-12-05T01:05:00Z"), "Nimi tarkennettu", KnowledgeVersion.PUBLISH);
    assertThat(second.number()).isEqualTo(first.number() + 1);
    assertThat(store.live()).contains(second);
    assertThat(store.list().get(0)).isEqualTo(second);
    assertThat(store.find(first.number()).orElseThrow().live()).isFalse();
    assertThat(store.files(first.number())).contains(corpus("Kahvila " + tag));
    assertThat(store.files(second.number()).orElseThrow().get("answers/kahvila.yaml")).contains("Kahvilan perustaminen " + tag);
    assertThat(store.files(999_999)).isEmpty();
    assertThat(store.packaged("hash-1-" + tag)).isTrue();
    assertThat(store.packaged("hash-2-" + tag)).as("published by an editor, not packaged").isFalse();

    store.markLive(first.number());
    assertThat(store.live().orElseThrow().number()).isEqualTo(first.number());
    store.markLive(second.number());
  }

  @Test
  void concurrentDraftUpdatesLoseNoChange() throws Exception {
    int writers = 12;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String line = "- id: a-" + i + "\n";
        done.add(pool.submit(() -> store.update(d -> {
          String now = d.files().getOrDefault("answers/toimitus.yaml", "");
          return new DraftRepository.Edit<>(false, Map.of("answers/toimitus.yaml", now + line), null);
        })));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    String file = store.read().files().get("answers/toimitus.yaml");
    for (int i = 0; i < writers; i++) {
      assertThat(file).contains("- id: a-" + i + "\n");
    }
    assertThat(file.lines()).hasSize(writers);
  }

  @Test
  void anUpdateThatThrowsWritesNothingAndARemovedFileIsKeptAsRemoved() {
    store.update(d -> {
      Map<String, String> files = new HashMap<>();
      files.put("answers/kahvila.yaml", null);
      files.put("answers/uusi.yaml", "- id: a-uusi\n");
      return new DraftRepository.Edit<>(false, files, null);
    });
    long revision = store.read().revision();
    assertThatThrownBy(() -> store.update(d -> {
      throw new IllegalStateException("kesken");
    })).hasMessage("kesken");
    assertThat(store.read().revision()).isEqualTo(revision);
    assertThat(store.read().files()).containsEntry("answers/kahvila.yaml", null).containsEntry("answers/uusi.yaml", "- id: a-uusi\n");
  }

  @Test
  void clearingUpToARevisionKeepsTheChangesMadeAfterIt() {
    store.update(d -> new DraftRepository.Edit<>(false, Map.of("answers/a.yaml", "- id: a\n"), null));
    long published = store.read().revision();
    store.update(d -> new DraftRepository.Edit<>(false, Map.of("answers/b.yaml", "- id: b\n"), null));
    store.clearUpTo(published);
    assertThat(store.read().files()).containsOnlyKeys("answers/b.yaml");
  }
}
