package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.engine.facts.Conclusion;
import fi.viranomaisbotti.knowledge.Concept;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Finnish wording of a recommendation: each item's why, the counterfactual sentence, the
 * notices and the deal-breaker advice. Reads only the snapshot; thread-safe.
 */
final class Explanations {
  static final String DRAFT_NOTICE =
      "Osa kohdista on luonnoksia: niiden yksityiskohtia (esimerkiksi kynnysarvoja, maksuja tai määräaikoja) ei ole vielä"
          + " tarkistettu. Tarkista ne lähteestä ennen kuin luotat niihin.";

  static final String NOTHING_FOUND_NOTICE =
      "En tunnistanut tekstistä yritys- tai elämäntapahtumaa, johon osaisin koota luvat ja palvelut. Kerro, mitä"
          + " aiot tehdä (esimerkiksi avata kahvilan, perustaa maatilan tai palkata työntekijän), missä kunnassa ja"
          + " aiotko palkata työntekijöitä. Jos kyse on elämäntilanteesta, jota en vielä tunne, Suomi.fi:n"
          + " elämäntilanneoppaat (https://www.suomi.fi/) kokoavat julkiset palvelut tilanteittain.";

  static final String OTHER_LANGUAGE_NOTICE =
      "Ymmärrän toistaiseksi vain suomea. Jag förstår ännu bara finska; skriv gärna på finska."
          + " I only understand Finnish so far; please write in Finnish.";

  static final String ALAND_NOTICE =
      "Ahvenanmaalla on oma lainsäädäntö ja omat viranomaiset monissa näistä asioista. Kohdissa, joiden"
          + " ahvenanmaalaisen viranomaisen tunnen (esimerkiksi elintarvikevalvonta, anniskeluluvat ja"
          + " työnhakijaksi ilmoittautuminen), suunnitelma nimeää sen; muut kohdat kuvaavat Manner-Suomen"
          + " menettelyt, joten tarkista ne Ahvenanmaan maakunnan hallitukselta (regeringen.ax).";

  private final KnowledgeSnapshot knowledge;

  Explanations(KnowledgeSnapshot knowledge) {
    this.knowledge = knowledge;
  }

  /**
   * Why an item is in the recommendation: its first rule's statement (or, when that rule
   * concluded several items, the item's own description), the customer's words, and for a
   * possible item the questions that would settle it.
   *
   * @param sharedRules the rules that concluded more than one item, see {@link #sharedRules}
   */
  String why(Conclusion c, Set<String> sharedRules) {
    String statement = c.getReasons().get(0).statement();
    if (sharedRules.contains(c.getReasons().get(0).rule())) {
      // The rule concludes several items and its statement speaks of all of them: say what this
      // item is, in its own words.
      String own = description(c.getId());
      if (own != null) {
        statement = own;
      }
    }
    List<String> evidence = c.evidence();
    StringBuilder sb = new StringBuilder(statement);
    if (!evidence.isEmpty()) {
      sb.append(" Kerroit: ")
          .append(evidence.stream().limit(4).map(e -> "”" + e + "”").collect(Collectors.joining(", ")))
          .append('.');
    }
    if (!c.isNeeded()) {
      sb.append(Item.ONLY_IF)
          .append(c.getDependsOn().stream().map(this::conceptQuestion).collect(Collectors.joining(Item.OR)));
    }
    return sb.toString();
  }

  /** Rules that concluded more than one item in this evaluation. */
  static Set<String> sharedRules(Collection<Conclusion> conclusions) {
    Map<String, Integer> count = new HashMap<>();
    conclusions.forEach(c -> c.getReasons().forEach(r -> count.merge(r.rule(), 1, Integer::sum)));
    Set<String> out = new HashSet<>();
    count.forEach((rule, n) -> {
      if (n > 1) {
        out.add(rule);
      }
    });
    return out;
  }

  /** Why an actor is in the recommendation: the customer's items it handles. */
  static String actorWhy(Collection<String> itemNames) {
    return "Asiasi tällä toimijalla: " + String.join(", ", itemNames) + ".";
  }

  /** Why a clarifying question is asked: how many uncertain items its answer settles. */
  static String settles(int items) {
    return items == 1
        ? "Vastaus ratkaisee yhden epävarman kohdan."
        : "Vastaus ratkaisee " + items + " epävarmaa kohtaa.";
  }

  /** The counterfactual sentence for an item that negating {@code concept} would remove. */
  String unlessSentence(String concept) {
    Concept c = knowledge.concepts().get(concept);
    return "Ei tarvita, jos " + (c == null ? concept : c.name().fi()) + " ei koske tilannettasi.";
  }

  /** Advice for items that wait for each other, named in the loop's order. */
  String dealBreaker(List<String> loop) {
    String names = loop.stream().map(id -> knowledge.item(id).map(i -> i.name().fi()).orElse(id))
        .collect(Collectors.joining(" ↔ "));
    return "Umpikuja: " + names + " odottavat toisiaan. Vie asiat vireille rinnakkain, kerro kummallekin"
        + " viranomaiselle toisesta hakemuksesta ja pyydä ehdollista päätöstä tai ennakkoneuvottelua.";
  }

  /** The notice for a conclusion whose id the snapshot does not have. */
  static String unknownItem(Conclusion c) {
    return "Sääntö " + c.getReasons().get(0).rule() + " viittaa kohteeseen '" + c.getId()
        + "', jota ei ole tietosisällössä; kohde jätettiin pois.";
  }

  /** The notice for a conclusion of a kind the recommendation does not know. */
  static String unknownKind(Conclusion c) {
    return "Sääntö tuotti tuntemattoman tyypin '" + c.getKind() + "' kohteelle " + c.getId() + ".";
  }

  /** The first sentence of an obligation's or service's description, or null. */
  private String description(String id) {
    String d = knowledge.obligations().containsKey(id) ? knowledge.obligations().get(id).description()
        : knowledge.services().containsKey(id) ? knowledge.services().get(id).description()
        : null;
    if (d == null || d.isBlank()) {
      return null;
    }
    String t = d.strip();
    int end = t.indexOf(". ");
    return end > 0 ? t.substring(0, end + 1) : t;
  }

  private String conceptQuestion(String concept) {
    return knowledge.questionFor(concept).map(q -> q.name().fi())
        .orElseGet(() -> knowledge.concepts().containsKey(concept) ? knowledge.concepts().get(concept).name().fi() : concept);
  }
}
