package fi.viranomaisbotti.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator reads the rules' text: every id a rule concludes or tests exists, and every rule has an example. */
class RuleValidationTest {
  private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private static final String META = "meta: {source: \"Alkoholilaki 1102/2017\", owner: tiimi, reviewed: 2026-11-01}";

  private static final String RULE = """
      package fi.viranomaisbotti.rules

      rule "velvoite-anniskelulupa"
        @statement("Alkoholijuomien anniskeluun tarvitaan anniskelulupa.")
      when
        $e : Conclusion(kind == "event", id == "alkoholin-anniskelu")
        // Serving at someone else's festival is the organiser's matter.
        not Signal(concept in ("alkoholi", "tapahtuma"), negated == true)
      then
        out.need(kcontext, "obligation", "anniskelulupa", $e);
        out.maybe(kcontext, "service", "anniskelukoulutus", "alkoholi", $e);
      end
      """;

  private static final String EXAMPLE = """
      - rule: velvoite-anniskelulupa
        given:
          concluded: [event:alkoholin-anniskelu]
        expect:
          need: [obligation:anniskelulupa]
          maybe: [service:anniskelukoulutus]
      """;

  private static Map<String, String> fixtureCorpus() {
    Map<String, String> files = CorpusFixture.servingLicence(META);
    files.put("services/s.yaml", """
        - id: anniskelukoulutus
          name: Anniskelupassin koulutus
          provider: lupa-ja-valvontavirasto
          sector: PUBLIC
          %s
        """.formatted(META));
    files.put("events/e.yaml", """
        - id: alkoholin-anniskelu
          name: Alkoholin anniskelu
          %s
        """.formatted(META));
    files.put("vocabulary/v.yaml", """
        - id: alkoholi
          name: alkoholi
          terms: [olut, viini]
          %1$s
        - id: tapahtuma
          name: tapahtuma
          terms: [festivaali]
          %1$s
        """.formatted(META));
    files.put("rules/velvoitteet.drl", RULE);
    files.put("rules/velvoitteet.examples.yaml", EXAMPLE);
    return files;
  }

  private static KnowledgeSnapshot load(Map<String, String> files) {
    return new KnowledgeLoader(TODAY).load(KnowledgeSource.of("test", files));
  }

  private static List<Problem> errors(Map<String, String> files) {
    return catchThrowableOfType(KnowledgeException.class, () -> load(files)).problems();
  }

  @Test
  void aRuleWhoseIdsAllExistAndWhichHasAnExampleLoads() {
    KnowledgeSnapshot s = load(fixtureCorpus());

    assertThat(s.ruleExamples()).singleElement().satisfies(e -> {
      assertThat(e.rule()).isEqualTo("velvoite-anniskelulupa");
      assertThat(e.file()).isEqualTo("rules/velvoitteet.examples.yaml");
      assertThat(e.given().concluded()).containsExactly("event:alkoholin-anniskelu");
      assertThat(e.expect().maybe()).containsExactly("service:anniskelukoulutus");
    });
    assertThat(s.warnings()).isEmpty();
  }

  @Test
  void aMistypedTargetIsAnErrorNamingTheRuleItsFileLineAndTheClosestId() {
    Map<String, String> files = fixtureCorpus();
    files.put("rules/velvoitteet.drl", RULE.replace("\"anniskelulupa\", $e", "\"aniskelulupa\", $e"));

    assertThat(errors(files)).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("rules/velvoitteet.drl");
      assertThat(p.item()).isEqualTo("velvoite-anniskelulupa");
      assertThat(p.message()).isEqualTo(
          "line 3: concludes the unknown obligation 'aniskelulupa'. Did you mean 'anniskelulupa'?"
              + " Add it to obligations/ or fix the id.");
    });
  }

  @Test
  void aTargetOfTheWrongKindIsAnErrorThatSaysWhichKindItIs() {
    Map<String, String> files = fixtureCorpus();
    files.put("rules/velvoitteet.drl", RULE.replace("\"obligation\", \"anniskelulupa\"", "\"service\", \"anniskelulupa\""));
    files.put("rules/velvoitteet.examples.yaml", EXAMPLE.replace("obligation:anniskelulupa", "service:anniskelulupa"));

    assertThat(errors(files)).extracting(Problem::message)
        .contains("line 3: concludes the unknown service 'anniskelulupa'. 'anniskelulupa' is an obligation, not a service: fix the kind.")
        .anySatisfy(m -> assertThat(m).startsWith("the example names the unknown service 'anniskelulupa'."));
  }

  @Test
  void aTargetNamingARetiredActorIsAnErrorThatNamesItsSuccessor() {
    Map<String, String> files = fixtureCorpus();
    files.put("rules/velvoitteet.drl", RULE.replace("\"anniskelukoulutus\"", "\"avi\""));

    assertThat(errors(files)).extracting(Problem::message).containsExactly(
        "line 3: concludes the unknown service 'avi'. It names the actor 'avi', which no longer exists;"
            + " its successor is 'lupa-ja-valvontavirasto'. Name a service of 'lupa-ja-valvontavirasto' instead,"
            + " such as 'anniskelukoulutus'.");
  }

  @Test
  void anUnknownSettlingConceptOrTestedConceptOrConclusionIsAnError() {
    Map<String, String> files = fixtureCorpus();
    files.put("rules/velvoitteet.drl", RULE
        .replace("\"alkoholi\", $e", "\"alkohooli\", $e")
        .replace("\"tapahtuma\")", "\"tapahtumat\")")
        .replace("id == \"alkoholin-anniskelu\"", "id == \"anniskelu\""));

    assertThat(errors(files)).extracting(Problem::message).containsExactlyInAnyOrder(
        "line 3: out.maybe is settled by the unknown concept 'alkohooli'. Did you mean 'alkoholi'? Add it to vocabulary/ or fix the id.",
        "line 3: tests the unknown concept 'tapahtumat', so it can never fire. Did you mean 'tapahtuma'? Add it to vocabulary/ or fix the id.",
        "line 3: tests for the unknown event 'anniskelu'. Add it to events/ or fix the id.");
  }

  @Test
  void conceptsTestedWithInAndIdsTestedWithInAreCheckedOneByOne() {
    Map<String, String> files = fixtureCorpus();
    files.put("rules/velvoitteet.drl", RULE.replace(
        "id == \"alkoholin-anniskelu\"", "id in (\"alkoholin-anniskelu\", \"ravintolan-perustaminen\")"));

    assertThat(errors(files)).extracting(Problem::message)
        .containsExactly("line 3: tests for the unknown event 'ravintolan-perustaminen'. Add it to events/ or fix the id.");
  }

  @Test
  void aRuleWithoutAnExampleIsAnErrorThatSaysWhereToAddIt() {
    Map<String, String> files = fixtureCorpus();
    files.remove("rules/velvoitteet.examples.yaml");

    assertThat(errors(files)).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("rules/velvoitteet.drl");
      assertThat(p.item()).isEqualTo("velvoite-anniskelulupa");
      assertThat(p.message()).startsWith("line 3: the rule has no example. Add one to rules/velvoitteet.examples.yaml");
    });
  }

  @Test
  void anExampleNamingAnUnknownItemOrConceptIsAnError() {
    Map<String, String> files = fixtureCorpus();
    files.put("rules/velvoitteet.examples.yaml", """
        - rule: velvoite-anniskelulupa
          given:
            signals: {alkoholi: true, olut: true}
            concluded: [event:alkoholin-anniskelu, anniskelu]
          expect:
            need: [obligation:aniskelulupa]
        """);

    assertThat(errors(files)).allSatisfy(p -> assertThat(p.file()).isEqualTo("rules/velvoitteet.examples.yaml"))
        .extracting(Problem::message).containsExactlyInAnyOrder(
            "the example gives the unknown concept 'olut'. Use a concept id from vocabulary/.",
            "the example names 'anniskelu', which lacks its kind: write items as kind:id, e.g. 'obligation:anniskelulupa'.",
            "the example names the unknown obligation 'aniskelulupa'. Did you mean 'anniskelulupa'? Add it to obligations/ or fix the id.");
  }

  @Test
  void anExampleOfARemovedRuleIsOnlyAWarningSoThatAnEditInProgressStillLoads() {
    Map<String, String> files = fixtureCorpus();
    files.put("rules/velvoitteet.examples.yaml", EXAMPLE + EXAMPLE.replace("velvoite-anniskelulupa", "velvoite-anniskelu"));

    assertThat(load(files).warnings()).extracting(Problem::message).containsExactly(
        "an example for the unknown rule 'velvoite-anniskelu'. Did you mean 'velvoite-anniskelulupa'?"
            + " It tests nothing: fix the name or delete the example.");
  }

  @Test
  void aRuleNameUsedTwiceIsAnError() {
    Map<String, String> files = fixtureCorpus();
    files.put("rules/muut.drl", RULE);

    assertThat(errors(files)).extracting(Problem::message).containsExactly(
        "line 3: the rule name is already used in rules/muut.drl line 3; rule names are ids and must be unique. Rename one of them.");
  }

  @Test
  void aFileThatIsNotARuleInTheCorpusIdiomIsLeftToTheRuleCompiler() {
    Map<String, String> files = fixtureCorpus();
    files.put("rules/rikki.drl", "package fi.viranomaisbotti.rules\nrule \"rikki\" when then end end\n");

    assertThat(load(files).rules()).hasSize(2);
  }

  @Test
  void aRuleIsDraftUntilItSaysReviewedAndReviewedNeedsTheRecordOfTheCheck() {
    Map<String, String> files = fixtureCorpus();
    assertThat(Verifications.unverifiedRules(load(files))).containsExactly("velvoite-anniskelulupa");

    String statusOnly = "@statement(\"Alkoholijuomien anniskeluun tarvitaan anniskelulupa.\")\n  @status(\"REVIEWED\")";
    files.put("rules/velvoitteet.drl", RULE.replace("@statement(\"Alkoholijuomien anniskeluun tarvitaan anniskelulupa.\")", statusOnly));
    assertThat(errors(files)).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("needs @verifiedOn, @verifiedUrl and @checked"));

    String recorded = statusOnly + """

          @verifiedOn("2026-11-20")
          @verifiedUrl("https://www.finlex.fi/fi/lainsaadanto/2017/1102#chp_3__sec_14")
          @checked("14 §: anniskelu vaatii Lupa- ja valvontaviraston luvan; \\"anniskelu\\" määritelty 3 §:ssä")""";
    files.put("rules/velvoitteet.drl", RULE.replace("@statement(\"Alkoholijuomien anniskeluun tarvitaan anniskelulupa.\")", recorded));
    KnowledgeSnapshot s = load(files);
    assertThat(Verifications.unverifiedRules(s)).isEmpty();
    RuleText.Declared rule = RuleText.read(s.rules().get(0)).get(0);
    assertThat(rule.status()).isEqualTo(Status.REVIEWED);
    assertThat(rule.verification().date()).hasToString("2026-11-20");
    assertThat(rule.verification().checked()).contains("\"anniskelu\" määritelty");
  }

  @Test
  void aDraftSaysWhatIsUnverifiedAndAReviewedRuleMayNotSayItAtAll() {
    Map<String, String> files = fixtureCorpus();
    assertThat(Verifications.unexplainedDrafts(load(files))).contains("rule velvoite-anniskelulupa");

    String told = "@statement(\"Alkoholijuomien anniskeluun tarvitaan anniskelulupa.\")\n"
        + "  @unverified(\"Lupa- ja valvontaviraston ohjetta ei ole vielä luettu.\")";
    files.put("rules/velvoitteet.drl", RULE.replace("@statement(\"Alkoholijuomien anniskeluun tarvitaan anniskelulupa.\")", told));
    KnowledgeSnapshot s = load(files);
    assertThat(Verifications.unexplainedDrafts(s)).doesNotContain("rule velvoite-anniskelulupa");
    assertThat(RuleText.read(s.rules().get(0)).get(0).unverified()).isEqualTo("Lupa- ja valvontaviraston ohjetta ei ole vielä luettu.");

    files.put("rules/velvoitteet.drl", RULE.replace("@statement(\"Alkoholijuomien anniskeluun tarvitaan anniskelulupa.\")", told + """

          @status("REVIEWED")
          @verifiedOn("2026-11-20")
          @verifiedUrl("https://www.finlex.fi/fi/lainsaadanto/2017/1102#chp_3__sec_14")
          @checked("14 §: anniskelu vaatii luvan")"""));
    assertThat(errors(files)).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).startsWith("line 3:").contains("yet @unverified says something is still unchecked"));
  }

  @Test
  void aDraftItemSaysWhatIsUnverifiedAndAReviewedItemMayNotSayItAtAll() {
    Map<String, String> files = fixtureCorpus();
    String draft = """
        - id: anniskelukoulutus
          name: Anniskelupassin koulutus
          provider: lupa-ja-valvontavirasto
          sector: PUBLIC
          meta: {source: "https://www.lvv.fi", owner: sisaltotiimi, reviewed: 2026-11-20, status: DRAFT%s}
        """;
    files.put("services/s.yaml", draft.formatted(""));
    assertThat(Verifications.unexplainedDrafts(load(files))).contains("anniskelukoulutus");

    files.put("services/s.yaml", draft.formatted(", unverified: \"Koulutuksen järjestäjiä ei ole tarkistettu.\""));
    KnowledgeSnapshot s = load(files);
    assertThat(Verifications.unexplainedDrafts(s)).doesNotContain("anniskelukoulutus");
    assertThat(s.item("anniskelukoulutus").orElseThrow().meta().unverified()).isEqualTo("Koulutuksen järjestäjiä ei ole tarkistettu.");

    files.put("services/s.yaml", draft.replace("status: DRAFT%s", "status: REVIEWED, verified: {date: 2026-11-20, url: \"https://www.lvv.fi\","
        + " checked: \"koulutus\"}, unverified: \"Koulutuksen järjestäjiä ei ole tarkistettu.\""));
    assertThat(errors(files)).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("REVIEWED, yet meta.unverified says something is still unchecked"));
  }

  @Test
  void aRuleStatusOrCheckDateThatCannotBeReadIsAnErrorNamingTheLine() {
    Map<String, String> files = fixtureCorpus();
    files.put("rules/velvoitteet.drl", RULE.replace("@statement(", "@status(\"CHECKED\")\n  @statement("));
    assertThat(errors(files)).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).startsWith("line 3:").contains("@status is 'CHECKED'"));

    files.put("rules/velvoitteet.drl", RULE.replace("@statement(",
        "@verifiedOn(\"5.12.2026\") @verifiedUrl(\"https://finlex.fi\") @checked(\"14 §\")\n  @statement("));
    assertThat(errors(files)).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("yyyy-mm-dd"));

    files.put("rules/velvoitteet.drl", RULE.replace("@statement(",
        "@verifiedOn(\"2026-12-24\") @verifiedUrl(\"https://finlex.fi\") @checked(\"14 §\")\n  @statement("));
    assertThat(errors(files)).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("in the future"));
  }
}
