package fi.viranomaisbotti.nlp;

import java.util.Map;

/**
 * A named thing found in the text.
 *
 * <p>Values by type: {@link #MUNICIPALITY} a municipality code ("743"); {@link #QUANTITY} a
 * number ("3000", "1.5") with the unit's base form in {@code attributes.unit}; {@link
 * #BUSINESS_FORM} a form code (tmi, oy, oyj, ay, ky, osk); {@link #AGE} years ("26"); {@link
 * #DATE} an ISO-8601 date ("2027-06-01") or interval ("2027-06-01/2027-08-31").
 *
 * @param type what it is, e.g. "municipality"
 * @param text the words as written ("Seinäjoella", "noin 3000 kävijää")
 * @param value the normalised value, as above
 * @param label a readable name ("Seinäjoki", "3000 kävijä", "osakeyhtiö", "kesä 2027")
 * @param start offset of the first character in the original text
 * @param end offset after the last character
 * @param attributes qualifiers by name: {@code unit}, {@code approximate} ("true"), {@code
 *     bound} ("min" for "yli 20", "max" for "alle 20"), {@code precision} (day, month, season,
 *     year); empty when there are none
 */
public record Entity(
    String type,
    String text,
    String value,
    String label,
    int sentence,
    int start,
    int end,
    Map<String, String> attributes) {
  public static final String MUNICIPALITY = "municipality";
  public static final String QUANTITY = "quantity";
  public static final String BUSINESS_FORM = "business-form";
  public static final String AGE = "age";
  public static final String DATE = "date";

  public Entity {
    attributes = Map.copyOf(attributes);
  }

  /** An entity without qualifiers. */
  public Entity(String type, String text, String value, String label, int sentence, int start, int end) {
    this(type, text, value, label, sentence, start, end, Map.of());
  }

  /** A qualifier, or null when it is absent. */
  public String attribute(String name) {
    return attributes.get(name);
  }
}
