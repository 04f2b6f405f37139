package fi.viranomaisbotti.engine.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.viranomaisbotti.engine.BadInputException;
import fi.viranomaisbotti.engine.Graph;
import fi.viranomaisbotti.engine.Graph.Edge;
import fi.viranomaisbotti.engine.GraphGaps;
import fi.viranomaisbotti.engine.GraphQuery;
import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ecosystem map over the packaged corpus, without Voikko or Drools. */
class EcosystemGraphTest {
  static KnowledgeSnapshot snapshot;
  static EcosystemGraph graph;

  @BeforeAll
  static void load() {
    snapshot = new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", EcosystemGraphTest.class.getClassLoader()));
    graph = new EcosystemGraph(snapshot);
  }

  private static List<String> ids(Graph g, String kind) {
    return g.nodes().stream().filter(n -> n.kind().equals(kind)).map(Graph.Node::id).toList();
  }

  private static List<String> targets(Graph g, String from, String kind) {
    return g.edges().stream().filter(e -> e.from().equals(from) && e.kind().equals(kind)).map(Edge::to).toList();
  }

  @Test
  void anEventBringsWhatItsRulesConcludeAndWhatThoseConcludeInTurn() {
    Graph g = graph.graph(GraphQuery.ALL);
    // palvelut.drl: founding a business brings the new-business advice; velvoitteet.drl the trade register.
    assertThat(targets(g, "yrityksen-perustaminen", Graph.BRINGS)).contains("uusyrityskeskus-neuvonta", "starttiraha");
    // "palvelu-yel-vakuutus" tests the obligation yel-vakuutus, not an event: reached through it.
    List<String> bringYel = g.edges().stream()
        .filter(e -> e.kind().equals(Graph.BRINGS) && e.to().equals("yel-vakuutus")).map(Edge::from).toList();
    assertThat(bringYel).isNotEmpty();
    assertThat(targets(g, bringYel.get(0), Graph.BRINGS)).contains("yel-vakuutuksen-ottaminen");
  }

  @Test
  void aRuleThatAsksForAnEventToBeAbsentDoesNotLinkThatEvent() {
    Graph g = graph.graph(GraphQuery.ALL);
    // "velvoite-alv-rekisteri": founding a business, unless it is health or social care, brings VAT registration.
    assertThat(targets(g, "yrityksen-perustaminen", Graph.BRINGS)).contains("alv-rekisteri");
    assertThat(targets(g, "sote-palveluntuottajaksi-ryhtyminen", Graph.BRINGS)).doesNotContain("alv-rekisteri");
    // "velvoite-alkutuotantoilmoitus": primary production without livestock.
    assertThat(targets(g, "elintarvikkeiden-alkutuotanto", Graph.BRINGS)).contains("alkutuotantoilmoitus");
    assertThat(targets(g, "kotielaintuotanto", Graph.BRINGS)).doesNotContain("alkutuotantoilmoitus");
  }

  @Test
  void in2025TheRegionalStateAgencyHandlesWhatTheLicensingAgencyHandlesFrom2026() {
    Graph y2025 = graph.graph(new GraphQuery(null, null, Set.of(), LocalDate.of(2025, 6, 1)));
    Graph y2026 = graph.graph(new GraphQuery(null, null, Set.of(), LocalDate.of(2026, 6, 1)));
    assertThat(ids(y2025, "actor")).contains("avi", "ely-keskus", "tyollisyysalue").doesNotContain("lupa-ja-valvontavirasto", "elinvoimakeskus");
    assertThat(ids(y2026, "actor")).contains("lupa-ja-valvontavirasto", "elinvoimakeskus").doesNotContain("avi", "ely-keskus", "te-toimisto");
    Edge toAvi = y2025.edges().stream().filter(e -> e.kind().equals(Graph.COMPETENT) && e.to().equals("avi")).findFirst().orElseThrow();
    assertThat(toAvi.via()).isEqualTo("lupa-ja-valvontavirasto");
    assertThat(targets(y2026, toAvi.from(), Graph.COMPETENT)).containsExactly("lupa-ja-valvontavirasto");
    Graph y2024 = graph.graph(new GraphQuery(null, null, Set.of(), LocalDate.of(2024, 6, 1)));
    assertThat(ids(y2024, "actor")).contains("te-toimisto").doesNotContain("tyollisyysalue");
  }

  @Test
  void withoutADayEveryActorIsThereWithItsSuccessor() {
    Graph g = graph.graph(GraphQuery.ALL);
    assertThat(targets(g, "avi", Graph.SUCCESSOR)).containsExactly("lupa-ja-valvontavirasto");
    assertThat(targets(g, "ely-keskus", Graph.SUCCESSOR)).containsExactly("elinvoimakeskus");
    assertThat(targets(g, "te-toimisto", Graph.SUCCESSOR)).containsExactly("tyollisyysalue");
    assertThat(g.edges()).allMatch(e -> g.nodes().stream().anyMatch(n -> n.id().equals(e.from()))
        && g.nodes().stream().anyMatch(n -> n.id().equals(e.to())));
  }

  @Test
  void anEventsPartHoldsItsItemsTheirActorsAndNothingUnrelated() {
    Graph g = graph.graph(new GraphQuery("yrityksen-perustaminen", null, Set.of(), null));
    assertThat(ids(g, "event")).contains("yrityksen-perustaminen").doesNotContain("kaivoksen-toiminta");
    assertThat(ids(g, "service")).contains("uusyrityskeskus-neuvonta");
    assertThat(ids(g, "actor")).contains(snapshot.services().get("uusyrityskeskus-neuvonta").provider());
    assertThat(ids(g, "service")).doesNotContain("elainlaakaripalvelut");
  }

  @Test
  void aMunicipalityNamesTheRegionalUnitsThatServeIt() {
    Graph g = graph.graph(new GraphQuery(null, "Seinäjoki", Set.of("actor"), LocalDate.of(2026, 3, 1)));
    Graph.Node centre = g.nodes().stream().filter(n -> n.id().equals("elinvoimakeskus")).findFirst().orElseThrow();
    assertThat(centre.unit()).isEqualTo("Etelä-Pohjanmaan elinvoimakeskus");
    assertThat(g.nodes()).allMatch(n -> n.kind().equals("actor"));
    assertThat(g.municipality().name()).isEqualTo("Seinäjoki");
  }

  @Test
  void unknownEventsMunicipalitiesAndKindsAreNamedInTheError() {
    assertThatThrownBy(() -> graph.graph(new GraphQuery("kuuhun-muutto", null, Set.of(), null)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("kuuhun-muutto");
    assertThatThrownBy(() -> graph.graph(new GraphQuery(null, "Atlantis", Set.of(), null)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("Atlantis");
    assertThatThrownBy(() -> graph.graph(new GraphQuery(null, null, Set.of("answer"), null)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("answer");
  }

  @Test
  void tasksThatWentToAnotherActorAreEdgesOfTheirOwnKind() {
    Graph g = graph.graph(new GraphQuery(null, null, Set.of(), null));
    assertThat(g.edges()).extracting(e -> e.from() + "→" + e.to() + ":" + e.kind())
        .contains("avi→ruokavirasto:task-successor", "avi→kilpailu-ja-kuluttajavirasto:task-successor",
            "ely-keskus→traficom:task-successor", "avi→lupa-ja-valvontavirasto:successor");
  }

  @Test
  void gapsListOnlyRealGaps() {
    GraphGaps gaps = graph.gaps(LocalDate.of(2026, 12, 1));
    // Every retired actor of the corpus names its successor.
    assertThat(gaps.retiredActorsWithoutSuccessor()).isEmpty();
    gaps.itemsNoRuleReaches().forEach(g -> assertThat(snapshot.rules().stream().noneMatch(f -> f.text().contains("\"" + g.id() + "\""))).isTrue());
    gaps.eventsWithoutItems().forEach(g -> assertThat(snapshot.events()).containsKey(g.id()));
  }
}
