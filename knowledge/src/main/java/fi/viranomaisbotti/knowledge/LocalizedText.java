package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A text in several languages, keyed by ISO 639-1 code ("fi", "sv", "en"). Finnish is required;
 * other languages fall back to Finnish.
 */
public final class LocalizedText {
  private final Map<String, String> texts;

  private LocalizedText(Map<String, String> texts) {
    this.texts = Map.copyOf(texts);
  }

  /** Accepts a plain string (Finnish) or a map of language code to text. */
  @JsonCreator
  public static LocalizedText of(Object value) {
    if (value instanceof String s) {
      return new LocalizedText(Map.of("fi", s));
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, String> copy = new TreeMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
      return new LocalizedText(copy);
    }
    throw new IllegalArgumentException(
        "A name must be a Finnish string or a map like {fi: ..., sv: ..., en: ...}, got: " + value);
  }

  public static LocalizedText fi(String finnish) {
    return new LocalizedText(Map.of("fi", finnish));
  }

  /** The Finnish text, or an empty string if it is missing (validation reports that). */
  public String fi() {
    return texts.getOrDefault("fi", "");
  }

  /** The text in the given language, falling back to Finnish. */
  public String in(String language) {
    return texts.getOrDefault(language, fi());
  }

  public Optional<String> exactly(String language) {
    return Optional.ofNullable(texts.get(language));
  }

  @JsonValue
  public Map<String, String> asMap() {
    return texts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LocalizedText other && other.texts.equals(texts);
  }

  @Override
  public int hashCode() {
    return texts.hashCode();
  }

  @Override
  public String toString() {
    return fi();
  }
}
