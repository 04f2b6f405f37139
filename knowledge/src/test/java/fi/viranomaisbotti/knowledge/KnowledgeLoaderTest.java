package fi.viranomaisbotti.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnowledgeLoaderTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private static final String META = "meta: {source: \"Laki 1/2000\", owner: tiimi, reviewed: 2026-11-01, status: REVIEWED}";

  private final KnowledgeLoader loader = new KnowledgeLoader(TODAY);

  private static Map<String, String> minimalCorpus() {
    Map<String, String> files = CorpusFixture.servingLicence(META);
    files.put("vocabulary/v.yaml", """
        - id: alkoholi
          name: alkoholi
          terms: [olut, viini, anniskelu]
          %s
        """.formatted(META));
    files.put("rules/r.drl", "package x\n");
    return files;
  }

  private KnowledgeSnapshot load(Map<String, String> files) {
    return loader.load(KnowledgeSource.of("test", files));
  }

  @Test
  void aValidCorpusLoadsWithLocalisedNamesAndSuccessors() {
    KnowledgeSnapshot s = load(minimalCorpus());
    assertThat(s.actors()).containsKeys("avi", "lupa-ja-valvontavirasto");
    assertThat(s.actors().get("lupa-ja-valvontavirasto").name().in("sv")).isEqualTo("Tillstånds- och tillsynsverket");
    assertThat(s.actors().get("lupa-ja-valvontavirasto").name().in("en")).isEqualTo("Lupa- ja valvontavirasto");
    assertThat(s.current("avi").id()).isEqualTo("lupa-ja-valvontavirasto");
    assertThat(s.obligations().get("anniskelulupa").kind()).isEqualTo(ObligationKind.PERMIT);
    assertThat(s.rules()).extracting(RuleFile::path).containsExactly("rules/r.drl");
    assertThat(s.version()).hasSize(12);
    assertThat(s.warnings()).isEmpty();
  }

  @Test
  void theVersionChangesWithTheContentAndOnlyWithIt() {
    Map<String, String> files = minimalCorpus();
    String v1 = load(files).version();
    assertThat(load(minimalCorpus()).version()).isEqualTo(v1);
    files.put("rules/r.drl", "package y\n");
    assertThat(load(files).version()).isNotEqualTo(v1);
  }

  @Test
  void anUnknownActorIsNamedWithTheFileAndTheFix() {
    Map<String, String> files = minimalCorpus();
    files.put("obligations/o.yaml", files.get("obligations/o.yaml").replace("actor: lupa-ja-valvontavirasto", "actor: avi-lappi"));
    assertThatThrownBy(() -> load(files))
        .isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("obligations/o.yaml")
        .hasMessageContaining("[anniskelulupa]")
        .hasMessageContaining("avi-lappi");
  }

  @Test
  void duplicateIdsAcrossKindsAreRejected() {
    Map<String, String> files = minimalCorpus();
    files.put("vocabulary/v.yaml", files.get("vocabulary/v.yaml").replace("id: alkoholi", "id: anniskelulupa"));
    assertThatThrownBy(() -> load(files)).hasMessageContaining("already used in obligations/o.yaml");
  }

  @Test
  void missingProvenanceIsAnError() {
    Map<String, String> files = minimalCorpus();
    files.put("vocabulary/v.yaml", "- id: alkoholi\n  name: alkoholi\n  terms: [olut]\n  meta: {owner: tiimi, reviewed: 2026-01-01}\n");
    assertThatThrownBy(() -> load(files)).isInstanceOf(KnowledgeException.class).hasMessageContaining("vocabulary/v.yaml");
  }

  @Test
  void aNameSplitAtItsCommasIntoExtraKeysIsAnError() {
    Map<String, String> files = minimalCorpus();
    files.put(
        "vocabulary/v.yaml",
        files.get("vocabulary/v.yaml").replace("name: alkoholi", "name: {fi: olut, viini tai alkoholi, sv: öl, en: beer}"));
    assertThatThrownBy(() -> load(files))
        .isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("vocabulary/v.yaml")
        .hasMessageContaining("[alkoholi]")
        .hasMessageContaining("viini tai alkoholi");
    files.put(
        "vocabulary/v.yaml",
        files.get("vocabulary/v.yaml").replace("{fi: olut, viini tai alkoholi, sv: öl, en: beer}", "{fi: \"olut, viini tai alkoholi\", sv: öl, en: beer}"));
    assertThat(load(files).concepts().get("alkoholi").name().fi()).isEqualTo("olut, viini tai alkoholi");
  }

  @Test
  void aTypoInAFieldNameIsReportedWithItsLine() {
    Map<String, String> files = minimalCorpus();
    files.put("obligations/o.yaml", files.get("obligations/o.yaml").replace("phase: PERMITS", "phase: PERMITS\n  leadTme: kaksi viikkoa"));
    assertThatThrownBy(() -> load(files)).hasMessageContaining("obligations/o.yaml").hasMessageContaining("leadTme").hasMessageContaining("line");
  }

  @Test
  void successorCyclesAreRejectedAndPrerequisiteCyclesFlaggedAsDealBreakers() {
    Map<String, String> files = minimalCorpus();
    files.put("actors/a.yaml", files.get("actors/a.yaml").replace("validFrom: 2026-01-01", "validFrom: 2026-01-01\n  validTo: 2026-12-31\n  successor: avi"));
    assertThatThrownBy(() -> load(files)).hasMessageContaining("loops");

    Map<String, String> cyclic = minimalCorpus();
    cyclic.put("obligations/o.yaml", """
        - id: a-lupa
          kind: PERMIT
          name: A
          actor: lupa-ja-valvontavirasto
          phase: PERMITS
          prerequisites: [b-lupa]
          %s
        - id: b-lupa
          kind: PERMIT
          name: B
          actor: lupa-ja-valvontavirasto
          phase: PERMITS
          prerequisites: [a-lupa]
          %s
        """.formatted(META, META));
    assertThat(load(cyclic).warnings()).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("cycle").contains("deal breaker"));
  }

  @Test
  void tasksThatWentElsewhereNameTheirSuccessorAndAnUnknownOneIsRejected() {
    Map<String, String> files = minimalCorpus();
    files.put("actors/a.yaml", files.get("actors/a.yaml").replace(
        "successor: lupa-ja-valvontavirasto",
        "successor: lupa-ja-valvontavirasto\n  taskSuccessors:\n    - {actor: lupa-ja-valvontavirasto, tasks: ympäristö}"));
    assertThat(load(files).actors().get("avi").taskSuccessors())
        .containsExactly(new TaskSuccessor("lupa-ja-valvontavirasto", "ympäristö"));

    files.put("actors/a.yaml", files.get("actors/a.yaml").replace("{actor: lupa-ja-valvontavirasto, tasks: ympäristö}", "{actor: ruokavirasto, tasks: elintarvikkeet}"));
    assertThatThrownBy(() -> load(files)).hasMessageContaining("unknown actor 'ruokavirasto'");
  }

  @Test
  void aReviewFromTheDayRecordsWereIntroducedMustSayWhatWasChecked() {
    Map<String, String> files = minimalCorpus();
    files.put("obligations/o.yaml", files.get("obligations/o.yaml").replace("reviewed: 2026-11-01", "reviewed: 2026-12-04"));
    KnowledgeLoader inDecember = new KnowledgeLoader(Clock.fixed(Instant.parse("2026-12-10T10:00:00Z"), ZoneOffset.UTC));
    assertThatThrownBy(() -> inDecember.load(KnowledgeSource.of("test", files))).hasMessageContaining("REVIEWED needs a verified record");

    files.put("obligations/o.yaml", files.get("obligations/o.yaml").replace(
        "status: REVIEWED}", "status: REVIEWED, verified: {date: 2026-12-04, url: \"https://finlex.fi/\", checked: \"the licence\"}}"));
    KnowledgeSnapshot s = inDecember.load(KnowledgeSource.of("test", files));
    assertThat(s.obligations().get("anniskelulupa").meta().verified().checked()).isEqualTo("the licence");
    assertThat(Verifications.missing(s)).doesNotContain("anniskelulupa").contains("avi");
  }

  @Test
  void staleReviewsAndRetiredActorsAreWarningsNotErrors() {
    Map<String, String> files = minimalCorpus();
    files.put("obligations/o.yaml", files.get("obligations/o.yaml")
        .replace("actor: lupa-ja-valvontavirasto", "actor: avi")
        .replace("reviewed: 2026-11-01", "reviewed: 2023-01-01"));
    KnowledgeSnapshot s = load(files);
    assertThat(s.warnings()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("use its successor 'lupa-ja-valvontavirasto'"));
    assertThat(s.warnings()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("more than 18 months ago"));
  }

  @Test
  void aReviewDateInTheFutureIsAnError() {
    Map<String, String> files = minimalCorpus();
    files.put("vocabulary/v.yaml", files.get("vocabulary/v.yaml").replace("reviewed: 2026-11-01", "reviewed: 2027-01-01"));
    assertThatThrownBy(() -> load(files)).hasMessageContaining("in the future");
  }

  @Test
  void theDiffOfTwoSnapshotsNamesEveryAddedRemovedAndChangedItem() {
    Map<String, String> files = minimalCorpus();
    KnowledgeSnapshot before = load(files);
    files.put("obligations/o.yaml", files.get("obligations/o.yaml").replace("name: Anniskelulupa", "name: Anniskelulupa ravintolalle"));
    files.put("vocabulary/v.yaml", files.get("vocabulary/v.yaml") + """
        - id: tyontekija
          name: työntekijä
          terms: [palkata]
          %s
        """.formatted(META));
    files.put("rules/r.drl", "package y\n");
    KnowledgeDiff diff = KnowledgeDiff.between(before, load(files));
    assertThat(diff.changes())
        .containsExactlyInAnyOrder(
            new KnowledgeDiff.Change("obligation", "anniskelulupa", KnowledgeDiff.Type.CHANGED),
            new KnowledgeDiff.Change("concept", "tyontekija", KnowledgeDiff.Type.ADDED),
            new KnowledgeDiff.Change("rule-file", "rules/r.drl", KnowledgeDiff.Type.CHANGED));
    assertThat(KnowledgeDiff.between(before, before).isEmpty()).isTrue();
    assertThat(diff.describe()).contains("~ obligation anniskelulupa", "+ concept tyontekija");
  }

  @Test
  void aSituationStatesWhichItemsAreNeededAndWhichPossible() {
    Map<String, String> files = minimalCorpus();
    files.put("situations/s.yaml", """
        - id: pubi
          text: Perustan pubin, jossa myydään olutta.
          needed: [anniskelulupa]
          possible: [alkoholi]
        """);
    Situation pubi = load(files).situations().get(0);
    assertThat(pubi.needed()).containsExactly("anniskelulupa");
    assertThat(pubi.possible()).containsExactly("alkoholi");
    assertThat(pubi.required()).isEmpty();
  }

  @Test
  void aSituationListingAnItemTwiceOrAnUnknownItemIsAnError() {
    Map<String, String> files = minimalCorpus();
    files.put("situations/s.yaml", """
        - id: pubi
          text: Perustan pubin.
          needed: [anniskelulupa, aniskelulupa]
          forbidden: [anniskelulupa]
        """);
    assertThatThrownBy(() -> load(files))
        .hasMessageContaining("[pubi]: expects the unknown item 'aniskelulupa'. Did you mean 'anniskelulupa'?")
        .hasMessageContaining("[pubi]: lists 'anniskelulupa' more than once among required, needed, possible and forbidden");
  }
}
