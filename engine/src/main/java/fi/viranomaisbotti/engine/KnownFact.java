package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.engine.facts.Provenance;
import java.util.List;
import java.util.Objects;

/**
 * One thing known about the customer's situation: a concept that applies or not, that may apply,
 * that exists already, a counted amount, or the municipality, with where it came from and the words that said it. Immutable.
 *
 * @param concept a concept id of the knowledge vocabulary, or {@link FactSet#MUNICIPALITY}
 * @param evidence the customer's words ("sikala", "vastasit kyllä"), never personal data
 * @param turn the conversation turn that gave it; 0 outside a conversation
 */
public record KnownFact(String concept, Value value, Provenance provenance, List<String> evidence, int turn) {

  public KnownFact {
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(provenance, "provenance");
    evidence = List.copyOf(evidence);
  }

  /** What is known: yes or no, possible, existing, an amount, or a place. */
  public sealed interface Value permits YesNo, Possible, Existing, Amount, Place {
    /**
     * The value as a person reads it: "true"/"false", "possible", "existing", a whole number
     * without ".0", a code.
     */
    String text();

    /** Whether the value settles the concept: anything but {@link Possible}. */
    default boolean certain() {
      return true;
    }
  }

  /**
   * The concept may apply: the customer asked about it or supposed it ("tarvitsenko
   * anniskeluluvan?", "jos palkkaan työntekijän…"). The plan covers it as possible and asks.
   */
  public record Possible() implements Value {
    @Override
    public String text() {
      return "possible";
    }

    @Override
    public boolean certain() {
      return false;
    }
  }

  /**
   * The concept applies already: "minulla on jo kahvila", "olen jo rekisteröitynyt". Rules skip
   * founding or starting it.
   */
  public record Existing() implements Value {
    @Override
    public String text() {
      return "existing";
    }
  }

  /** The concept applies ({@code yes}) or explicitly does not. */
  public record YesNo(boolean yes) implements Value {
    @Override
    public String text() {
      return Boolean.toString(yes);
    }
  }

  /** How many or how much, in the concept's unit. */
  public record Amount(double amount) implements Value {
    public Amount {
      if (!Double.isFinite(amount) || amount < 0) {
        throw new IllegalArgumentException("An amount must be a non-negative number, got " + amount);
      }
    }

    @Override
    public String text() {
      return amount == Math.rint(amount) && amount < 1e15 ? Long.toString((long) amount) : Double.toString(amount);
    }
  }

  /** A municipality by its three-digit code. */
  public record Place(String municipalityCode) implements Value {
    public Place {
      Objects.requireNonNull(municipalityCode, "municipalityCode");
    }

    @Override
    public String text() {
      return municipalityCode;
    }
  }

  public static KnownFact yesNo(String concept, boolean yes, Provenance provenance, List<String> evidence, int turn) {
    return new KnownFact(concept, new YesNo(yes), provenance, evidence, turn);
  }

  public static KnownFact possible(String concept, Provenance provenance, List<String> evidence, int turn) {
    return new KnownFact(concept, new Possible(), provenance, evidence, turn);
  }

  public static KnownFact existing(String concept, Provenance provenance, List<String> evidence, int turn) {
    return new KnownFact(concept, new Existing(), provenance, evidence, turn);
  }

  public static KnownFact amount(String concept, double amount, Provenance provenance, List<String> evidence, int turn) {
    return new KnownFact(concept, new Amount(amount), provenance, evidence, turn);
  }

  public static KnownFact place(String municipalityCode, Provenance provenance, List<String> evidence, int turn) {
    return new KnownFact(FactSet.MUNICIPALITY, new Place(municipalityCode), provenance, evidence, turn);
  }

  /** The same fact given in another turn. */
  public KnownFact inTurn(int otherTurn) {
    return new KnownFact(concept, value, provenance, evidence, otherTurn);
  }
}
