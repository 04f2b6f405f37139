package fi.viranomaisbotti.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The project's set of chat lines with and without personal data (masking-set.txt), and how a
 * masker does on it: each line's misses and false alarms, and per category precision and recall.
 */
final class MaskingSet {
  static final List<String> CATEGORIES =
      List.of("HENKILÖTUNNUS", "SÄHKÖPOSTI", "PUHELIN", "TILINUMERO", "OSOITE", "SYNTYMÄAIKA", "NIMI");

  /** A stretch of personal data the line marks, by offsets into the unmarked text. */
  record Gold(int start, int end, String category) {}

  /**
   * A line with its marks removed.
   *
   * @param knownLimitation the line starts with "~": the masker is expected to get it wrong
   */
  record Line(int number, String text, List<Gold> gold, boolean knownLimitation) {}

  /** What the masker did on one line. */
  record Outcome(Line line, List<String> misses, List<String> falseAlarms) {
    boolean right() {
      return misses.isEmpty() && falseAlarms.isEmpty();
    }
  }

  /** Counts for one category. */
  static final class Score {
    int gold;
    int goldFound;
    int found;
    int foundRight;

    double precision() {
      return found == 0 ? 1 : (double) foundRight / found;
    }

    double recall() {
      return gold == 0 ? 1 : (double) goldFound / gold;
    }
  }

  private MaskingSet() {}

  static List<Line> lines() {
    List<Line> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(MaskingSet.class.getResourceAsStream("masking-set.txt")), StandardCharsets.UTF_8))) {
      int number = 0;
      for (String raw = r.readLine(); raw != null; raw = r.readLine()) {
        number++;
        if (raw.isBlank() || raw.startsWith("#")) {
          continue;
        }
        boolean limitation = raw.startsWith("~ ");
        out.add(parse(number, limitation ? raw.substring(2) : raw, limitation));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Line parse(int number, String raw, boolean limitation) {
    StringBuilder text = new StringBuilder();
    List<Gold> gold = new ArrayList<>();
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c != '⟦') {
        text.append(c);
        i++;
        continue;
      }
      int close = raw.indexOf('⟧', i);
      int bar = raw.lastIndexOf('|', close);
      if (close < 0 || bar < i) {
        throw new IllegalArgumentException("masking-set.txt line " + number + ": a mark must read ⟦text|CATEGORY⟧: " + raw);
      }
      String category = raw.substring(bar + 1, close);
      if (!CATEGORIES.contains(category)) {
        throw new IllegalArgumentException("masking-set.txt line " + number + " names the unknown category '" + category
            + "'; use one of " + CATEGORIES + ".");
      }
      int start = text.length();
      text.append(raw, i + 1, bar);
      gold.add(new Gold(start, text.length(), category));
      i = close + 1;
    }
    return new Line(number, text.toString(), gold, limitation);
  }

  static Outcome run(PersonalDataMasker masker, Line line) {
    List<PersonalDataMasker.Span> found = masker.find(line.text());
    List<String> misses = new ArrayList<>();
    List<String> falseAlarms = new ArrayList<>();
    for (Gold g : line.gold()) {
      if (found.stream().noneMatch(s -> covers(s, g))) {
        misses.add(line.text().substring(g.start(), g.end()) + " (" + g.category() + ")");
      }
    }
    for (PersonalDataMasker.Span s : found) {
      if (line.gold().stream().noneMatch(g -> overlapsSameKind(s, g))) {
        falseAlarms.add(line.text().substring(s.start(), s.end()) + " " + s.placeholder());
      }
    }
    return new Outcome(line, misses, falseAlarms);
  }

  /** Per category, over all lines (known limitations included). */
  static Map<String, Score> score(PersonalDataMasker masker, List<Line> lines) {
    Map<String, Score> scores = new LinkedHashMap<>();
    CATEGORIES.forEach(c -> scores.put(c, new Score()));
    for (Line line : lines) {
      List<PersonalDataMasker.Span> found = masker.find(line.text());
      for (Gold g : line.gold()) {
        Score s = scores.get(g.category());
        s.gold++;
        if (found.stream().anyMatch(f -> covers(f, g))) {
          s.goldFound++;
        }
      }
      for (PersonalDataMasker.Span f : found) {
        Score s = scores.get(category(f));
        s.found++;
        if (line.gold().stream().anyMatch(g -> overlapsSameKind(f, g))) {
          s.foundRight++;
        }
      }
    }
    return scores;
  }

  private static String category(PersonalDataMasker.Span s) {
    return s.placeholder().substring(1, s.placeholder().length() - 1);
  }

  private static boolean covers(PersonalDataMasker.Span s, Gold g) {
    return s.start() <= g.start() && s.end() >= g.end() && category(s).equals(g.category());
  }

  private static boolean overlapsSameKind(PersonalDataMasker.Span s, Gold g) {
    return s.start() < g.end() && g.start() < s.end() && category(s).equals(g.category());
  }
}
