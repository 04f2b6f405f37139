package fi.viranomaisbotti.engine.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.viranomaisbotti.knowledge.KnowledgeSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The editor's draft on the packaged corpus, below any server: items read, replaced, added and
 * removed with their ETags, a stale write refused, files without items changed whole. The stores
 * are in memory (the JDBC ones have their own contract test); preview and publish need a running
 * navigator and are tested over HTTP (KnowledgeEditorIT).
 */
class KnowledgeEditorTest {
  private static final String ANSWER = "a-allergeenitiedot-ravintolassa";

  private final InMemory store = new InMemory();
  private KnowledgeEditor editor;

  @BeforeEach
  void packagedCorpusIsVersionOne() {
    KnowledgeEditor.startingFiles(store, KnowledgeSource.classpath("corpus", getClass().getClassLoader()), Clock.systemUTC());
    editor = new KnowledgeEditor(null, store, store, Clock.systemUTC());
  }

  @Test
  void anItemIsReplacedOnlyWithTheEtagItWasReadWith() {
    EditorItem item = editor.item(ItemKind.ANSWERS, ANSWER);
    String edited = item.text().replace("keywords: [allergeenit,", "keywords: [allergeenit, allergeenilista,");
    EditorViews.Saved saved = editor.put(ItemKind.ANSWERS, ANSWER, item.etag(), edited);
    assertThat(saved.item().text()).isEqualTo(edited);
    assertThat(saved.item().changed()).isTrue();
    assertThat(saved.problems()).noneMatch(EditorProblem::isError);

    assertThatThrownBy(() -> editor.put(ItemKind.ANSWERS, ANSWER, item.etag(), item.text()))
        .isInstanceOfSatisfying(EditorException.class, e -> {
          assertThat(e.reason()).isEqualTo(EditorException.Reason.STALE_ITEM);
          assertThat(e.current().text()).isEqualTo(edited);
        });
    String file = store.read().files().get(item.file());
    assertThat(file).as("the rest of the file is kept").startsWith("# Vastauspohja (answers-a)").contains("\n# DRAFT: ", "- id: a-anniskelupassi-ja-vastaava-hoitaja");
    assertThat(editor.draft().changes()).containsExactly(new EditorViews.Change("answers", ANSWER, "CHANGED"));
  }

  @Test
  void anAddedItemCanBeFoundAndRemovedAndItsFileGoesBackToTheLiveText() {
    EditorViews.Saved added = editor.post(ItemKind.CONCEPTS, "id: saippuakivi\nname: {fi: saippuakivi}\nterms: [saippuakivi]\n"
        + "meta: {source: \"https://www.suomi.fi/\", owner: sisaltotiimi, reviewed: 2026-11-22, status: DRAFT}\n", null, null);
    assertThat(added.item().file()).isEqualTo("vocabulary/toimitus.yaml");
    assertThat(editor.items(ItemKind.CONCEPTS, "saippua")).extracting(EditorViews.ItemSummary::id).contains("saippuakivi");
    editor.delete(ItemKind.CONCEPTS, "saippuakivi", added.item().etag());
    assertThatThrownBy(() -> editor.item(ItemKind.CONCEPTS, "saippuakivi")).isInstanceOf(EditorException.class);
  }

  @Test
  void aFileWithoutItemsChangesWholeAndAnItemFolderIsRefused() {
    String path = "utterances/kansalainen.yaml";
    List<EditorProblem> problems = editor.changeFile(path, text -> text.replace("    - \"Miten teen muuttoilmoituksen?\"\n",
        "    - \"Miten teen muuttoilmoituksen?\"\n    - \"muutan ens kuussa, mitä pitää ilmottaa\"\n"));
    assertThat(problems).noneMatch(EditorProblem::isError);
    assertThat(store.read().files().get(path)).contains("muutan ens kuussa");
    assertThat(editor.draft().changes()).containsExactly(new EditorViews.Change("files", path, "CHANGED"));
    assertThatThrownBy(() -> editor.changeFile("answers/x.yaml", text -> "[]\n")).isInstanceOf(EditorException.class);
    assertThatThrownBy(() -> editor.changeFile(path, text -> "- event: [rikki\n"))
        .isInstanceOfSatisfying(EditorException.class, e -> assertThat(e.reason()).isEqualTo(EditorException.Reason.ITEM_INVALID));
  }

  /** Versions and the draft in memory, one update at a time. */
  private static final class InMemory implements KnowledgeVersionRepository, DraftRepository {
    private final List<KnowledgeVersion> versions = new ArrayList<>();
    private final Map<Integer, SortedMap<String, String>> files = new LinkedHashMap<>();
    private final Map<String, String> draft = new LinkedHashMap<>();
    private long revision;

    @Override
    public synchronized List<KnowledgeVersion> list() {
      List<KnowledgeVersion> out = new ArrayList<>(versions);
      java.util.Collections.reverse(out);
      return out;
    }

    @Override
    public synchronized Optional<KnowledgeVersion> live() {
      return versions.stream().filter(KnowledgeVersion::live).findFirst();
    }

    @Override
    public synchronized Optional<KnowledgeVersion> find(int number) {
      return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    @Override
    public synchronized Optional<SortedMap<String, String>> files(int number) {
      return Optional.ofNullable(files.get(number)).map(TreeMap::new);
    }

    @Override
    public synchronized boolean packaged(String hash) {
      return versions.stream().anyMatch(v -> v.hash().equals(hash) && v.origin().equals(KnowledgeVersion.PACKAGE));
    }

    @Override
    public synchronized KnowledgeVersion publish(SortedMap<String, String> f, String hash, String by, Instant at, String message,
        String origin) {
      versions.replaceAll(v -> new KnowledgeVersion(v.number(), v.hash(), v.by(), v.at(), v.message(), v.origin(), false));
      KnowledgeVersion v = new KnowledgeVersion(versions.size() + 1, hash, by, at, message, origin, true);
      versions.add(v);
      files.put(v.number(), new TreeMap<>(f));
      return v;
    }

    @Override
    public synchronized void markLive(int number) {
      versions.replaceAll(v -> new KnowledgeVersion(v.number(), v.hash(), v.by(), v.at(), v.message(), v.origin(), v.number() == number));
    }

    @Override
    public synchronized Draft read() {
      return new Draft(revision, draft);
    }

    @Override
    public synchronized <T> T update(Update<T> update) {
      Edit<T> edit = update.apply(new Draft(revision + 1, draft));
      revision++;
      if (edit.clearFirst()) {
        draft.clear();
      }
      draft.putAll(edit.files());
      return edit.result();
    }

    @Override
    public synchronized void clearUpTo(long r) {
      draft.clear();
    }
  }
}
