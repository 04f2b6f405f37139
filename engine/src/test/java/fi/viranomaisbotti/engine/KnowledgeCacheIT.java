package fi.viranomaisbotti.engine;

import static fi.viranomaisbotti.engine.KnowledgeRuntime.ANSWER_INDEX;
import static fi.viranomaisbotti.engine.KnowledgeRuntime.EVENT_CLASSIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.engine.KnowledgeRuntime.Origin;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.SearchJudgment;
import fi.viranomaisbotti.nlp.EventSignal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer index and the event classifier are kept on disk per knowledge content hash: a second
 * start reads them and answers exactly as the first, while changed knowledge or a damaged file
 * means building them again, never a failed start.
 */
class KnowledgeCacheIT {
  private static final KnowledgeSnapshot SNAPSHOT = NavigatorFixture.SNAPSHOT;

  @TempDir Path cache;

  @Test
  void aSecondStartReadsTheIndexAndTheClassifierFromTheCacheAndAnswersAsTheFirst() {
    try (Navigator first = Navigator.start(SNAPSHOT, NavigatorFixture.MORPHOLOGY, cache)) {
      assertThat(first.liveRuntime().origins).containsEntry(ANSWER_INDEX, Origin.BUILT).containsEntry(EVENT_CLASSIFIER, Origin.BUILT);
      try (Navigator second = Navigator.start(SNAPSHOT, NavigatorFixture.MORPHOLOGY, cache)) {
        assertThat(second.liveRuntime().origins)
            .containsEntry(ANSWER_INDEX, Origin.CACHED).containsEntry(EVENT_CLASSIFIER, Origin.CACHED);
        for (SearchJudgment j : SNAPSHOT.judgments()) {
          assertThat(hits(second, j.query())).as(j.query()).isEqualTo(hits(first, j.query()));
        }
        for (String text : utterances()) {
          assertThat(classify(second, text)).as(text).isEqualTo(classify(first, text));
        }
        String story = "Olen 26-vuotias maatalousopiskelija. Haluan perustaa luomutilan, jossa on sikala ja ravintola.";
        assertThat(second.recommend(story, java.util.Map.of()).answers())
            .isEqualTo(first.recommend(story, java.util.Map.of()).answers()).isNotEmpty();
      }
    }
  }

  @Test
  void changedKnowledgeIsBuiltAndKeptBesideTheEarlierVersion() throws IOException {
    try (Navigator n = Navigator.start(SNAPSHOT, NavigatorFixture.MORPHOLOGY, cache)) {
      assertThat(n.liveRuntime().origins).containsEntry(ANSWER_INDEX, Origin.BUILT);
    }
    KnowledgeSnapshot changed = Snapshots.rehashed(SNAPSHOT, "-changed");
    try (Navigator n = Navigator.start(changed, NavigatorFixture.MORPHOLOGY, cache)) {
      assertThat(n.liveRuntime().origins).containsEntry(ANSWER_INDEX, Origin.BUILT).containsEntry(EVENT_CLASSIFIER, Origin.BUILT);
    }
    assertThat(entries()).hasSize(2);
    try (Navigator n = Navigator.start(changed, NavigatorFixture.MORPHOLOGY, cache)) {
      assertThat(n.liveRuntime().origins).containsEntry(ANSWER_INDEX, Origin.CACHED).containsEntry(EVENT_CLASSIFIER, Origin.CACHED);
    }
  }

  @Test
  void aDamagedCacheFileIsBuiltAgainAndTheStartSucceeds() throws IOException {
    Navigator.start(SNAPSHOT, NavigatorFixture.MORPHOLOGY, cache).close();
    Path entry = entries().get(0);
    Path classifier = entry.resolve("event-classifier").resolve("classifier.bin");
    byte[] bytes = Files.readAllBytes(classifier);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(classifier, bytes);
    Path segment;
    try (Stream<Path> files = Files.list(entry.resolve("answer-index"))) {
      segment = files.filter(f -> f.getFileName().toString().endsWith(".cfs")).findFirst().orElseThrow();
    }
    Files.write(segment, new byte[] {1, 2, 3});

    try (Navigator n = Navigator.start(SNAPSHOT, NavigatorFixture.MORPHOLOGY, cache)) {
      assertThat(n.liveRuntime().origins).containsEntry(ANSWER_INDEX, Origin.BUILT).containsEntry(EVENT_CLASSIFIER, Origin.BUILT);
      assertThat(n.searchAnswers("anniskeluluvan hakeminen", Audience.CITIZEN, 3)).isNotEmpty();
    }
    // Written again, whole: the next start reads it.
    try (Navigator n = Navigator.start(SNAPSHOT, NavigatorFixture.MORPHOLOGY, cache)) {
      assertThat(n.liveRuntime().origins).containsEntry(ANSWER_INDEX, Origin.CACHED).containsEntry(EVENT_CLASSIFIER, Origin.CACHED);
    }
  }

  @Test
  void anEntryWithoutItsManifestOrWithGarbageThatMatchesItIsBuiltAgain() throws IOException {
    Navigator.start(SNAPSHOT, NavigatorFixture.MORPHOLOGY, cache).close();
    Path entry = entries().get(0);
    Files.delete(entry.resolve("answer-index").resolve("MANIFEST.sha256"));
    // A classifier file that is not a model, with a manifest that vouches for it (as a bug writing it would leave).
    Path classifier = entry.resolve("event-classifier");
    Files.writeString(classifier.resolve("classifier.bin"), "ei malli");
    Files.writeString(classifier.resolve("MANIFEST.sha256"),
        sha256(classifier.resolve("classifier.bin")) + " " + Files.size(classifier.resolve("classifier.bin")) + " classifier.bin\n");

    try (Navigator n = Navigator.start(SNAPSHOT, NavigatorFixture.MORPHOLOGY, cache)) {
      assertThat(n.liveRuntime().origins).containsEntry(ANSWER_INDEX, Origin.BUILT).containsEntry(EVENT_CLASSIFIER, Origin.BUILT);
      assertThat(classify(n, "Haluan avata kahvilan Tampereelle")).isNotEmpty();
    }
  }

  @Test
  void withoutACacheEveryPartIsBuilt() {
    try (Navigator n = Navigator.start(SNAPSHOT, NavigatorFixture.MORPHOLOGY)) {
      assertThat(n.liveRuntime().origins).containsEntry(ANSWER_INDEX, Origin.BUILT).containsEntry(EVENT_CLASSIFIER, Origin.BUILT)
          .containsEntry(KnowledgeRuntime.RULES, Origin.BUILT);
    }
  }

  @Test
  void aStartBegunWithTheSnapshotsRuleFilesUsesTheRulesCompiledAhead() {
    Navigator.Starting starting = Navigator.begin(SNAPSHOT.rules(), NavigatorFixture.MORPHOLOGY, cache);
    try (Navigator n = starting.start(SNAPSHOT)) {
      assertThat(n.liveRuntime().origins).containsEntry(KnowledgeRuntime.RULES, Origin.BUILT);
      assertThat(n.liveRuntime().rules.ruleCount()).isEqualTo(NavigatorFixture.NAVIGATOR.liveRuntime().rules.ruleCount());
      assertThat(n.recommend("Perustan kahvilan Tampereelle.", java.util.Map.of()).lifeEvents()).isNotEmpty();
    }
  }

  @Test
  void aStartBegunWithOtherRuleFilesCompilesTheSnapshotsOwn() {
    List<fi.viranomaisbotti.knowledge.RuleFile> fewer = SNAPSHOT.rules().subList(0, 1);
    Navigator.Starting starting = Navigator.begin(fewer, NavigatorFixture.MORPHOLOGY, cache);
    try (Navigator n = starting.start(SNAPSHOT)) {
      assertThat(n.liveRuntime().rules.ruleCount()).isEqualTo(NavigatorFixture.NAVIGATOR.liveRuntime().rules.ruleCount());
    }
  }

  @Test
  void rulesCompiledAheadThatDoNotCompileFailTheStartWithDroolsMessages() {
    List<fi.viranomaisbotti.knowledge.RuleFile> broken = new java.util.ArrayList<>(SNAPSHOT.rules());
    broken.add(new fi.viranomaisbotti.knowledge.RuleFile("rules/rikki.drl", "package rules;\nrule \"rikki\" when then eiole( end\n"));
    KnowledgeSnapshot withBroken = new KnowledgeSnapshot("rikki", "rikki", SNAPSHOT.loadedAt(), SNAPSHOT.actors(),
        SNAPSHOT.obligations(), SNAPSHOT.services(), SNAPSHOT.events(), SNAPSHOT.answers(), SNAPSHOT.concepts(),
        SNAPSHOT.questions(), broken, SNAPSHOT.ruleExamples(), SNAPSHOT.situations(), SNAPSHOT.examples(), SNAPSHOT.judgments(),
        SNAPSHOT.municipalities(), SNAPSHOT.ptvCodes(), SNAPSHOT.warnings());
    Navigator.Starting starting = Navigator.begin(broken, NavigatorFixture.MORPHOLOGY, cache);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> starting.start(withBroken))
        .isInstanceOf(RuleBaseException.class).hasMessageContaining("rules/rikki.drl");
  }

  private static List<String> hits(Navigator n, String query) {
    return n.search(query, Audience.OFFICIAL, 10, null, null, null).hits().stream()
        .map(h -> h.id() + " " + h.score() + " " + h.snippet()).toList();
  }

  private static List<EventSignal> classify(Navigator n, String text) {
    KnowledgeRuntime rt = n.liveRuntime();
    return rt.intents.classify(rt.analyser.analyse(text), 5);
  }

  private static List<String> utterances() {
    return SNAPSHOT.examples().stream().flatMap(e -> e.examples().stream().limit(3)).toList();
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> all = Files.list(cache)) {
      return all.filter(Files::isDirectory).toList();
    }
  }

  private static String sha256(Path f) throws IOException {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
