package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.engine.facts.Provenance;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.Municipality;
import fi.viranomaisbotti.knowledge.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads answered facts as clients send them (concept id → true/false, "kyllä"/"ei", a number, or
 * the municipality's name or code under {@link FactSet#MUNICIPALITY}) into typed facts, checking
 * each against the knowledge. The one place where client values become facts. Stateless.
 */
final class FactParser {
  private FactParser() {}

  /**
   * The answered facts, in the order given.
   *
   * @throws BadInputException naming an unknown concept or a value of the wrong kind
   */
  static List<KnownFact> parse(KnowledgeSnapshot k, Map<String, ?> facts, int turn) {
    List<KnownFact> out = new ArrayList<>();
    if (facts == null) {
      return out;
    }
    for (Map.Entry<String, ?> e : facts.entrySet()) {
      out.add(parse(k, e.getKey(), e.getValue(), turn));
    }
    return out;
  }

  /** One answered fact; see {@link #parse(KnowledgeSnapshot, Map, int)}. */
  static KnownFact parse(KnowledgeSnapshot k, String key, Object value, int turn) {
    if (key == null || key.isBlank()) {
      throw new BadInputException("A fact needs a concept id, such as 'alkoholi' or 'tyontekija'.");
    }
    if (key.equals(FactSet.MUNICIPALITY)) {
      if (!(value instanceof String s) || s.isBlank()) {
        throw new BadInputException("Fact 'kunta' must be a municipality's name or code, e.g. \"Seinäjoki\" or \"743\".");
      }
      Municipality m = k.municipality(s).orElseThrow(() -> new BadInputException(
          "Unknown municipality '" + s + "'. Use a 2026 municipality name or its three-digit code."));
      return KnownFact.place(m.code(), Provenance.ANSWERED, List.of("vastasit " + m.name().fi()), turn);
    }
    if (!k.concepts().containsKey(key)) {
      throw new BadInputException(
          "Unknown fact '" + key + "'. Facts are concept ids such as 'alkoholi' or 'tyontekija';"
              + " the questions in a recommendation name the concept they settle.");
    }
    if (isQuantity(k, key)) {
      if (!(value instanceof Number n)) {
        throw new BadInputException("Fact '" + key + "' is a number (the answer to a NUMBER question), got: " + value);
      }
      double amount = n.doubleValue();
      if (!Double.isFinite(amount) || amount < 0) {
        throw new BadInputException("Fact '" + key + "' must be a non-negative number, got " + value);
      }
      return KnownFact.amount(key, amount, Provenance.ANSWERED, List.of("vastasit " + new KnownFact.Amount(amount).text()), turn);
    }
    if (value instanceof Number) {
      throw new BadInputException("Fact '" + key + "' is a yes/no fact: send true or false, not " + value + ".");
    }
    boolean yes = yesNo(key, value);
    return KnownFact.yesNo(key, yes, Provenance.ANSWERED, List.of(yes ? "vastasit kyllä" : "vastasit ei"), turn);
  }

  /** A concept counted in units or asked with a NUMBER question takes numbers, not yes or no. */
  static boolean isQuantity(KnowledgeSnapshot k, String concept) {
    return !k.concepts().get(concept).units().isEmpty()
        || k.questionFor(concept).map(Question::takesNumber).orElse(false);
  }

  private static boolean yesNo(String key, Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "yes", "true", "kyllä", "joo", "ja" -> {
          return true;
        }
        case "no", "false", "ei", "nej" -> {
          return false;
        }
        default -> { }
      }
    }
    throw new BadInputException("Fact '" + key + "' must be true or false (or \"kyllä\"/\"ei\"), got: " + v + ".");
  }
}
