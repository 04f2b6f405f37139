package fi.viranomaisbotti.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Runs the masker over the project's own set of lines with and without personal data. */
class PersonalDataMaskingSetTest {
  /** A line with its personal data marks removed, and where the marks were. */
  record Line(String text, List<int[]> gold) {}

  private final PersonalDataMasker masker = new PersonalDataMasker();

  static List<Line> lines() {
    List<Line> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(PersonalDataMaskingSetTest.class.getResourceAsStream("masking-set.txt")),
        StandardCharsets.UTF_8))) {
      for (String raw = r.readLine(); raw != null; raw = r.readLine()) {
        if (raw.isBlank() || raw.startsWith("#")) {
          continue;
        }
        StringBuilder text = new StringBuilder();
        List<int[]> gold = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < raw.length(); i++) {
          char c = raw.charAt(i);
          if (c == '⟦') {
            open = text.length();
          } else if (c == '⟧') {
            gold.add(new int[] {open, text.length()});
          } else {
            text.append(c);
          }
        }
        out.add(new Line(text.toString(), gold));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Test
  void theSetHasAtLeastAHundredLinesWithAndWithoutPersonalData() {
    assertThat(lines()).hasSizeGreaterThanOrEqualTo(100);
    assertThat(lines()).anyMatch(l -> l.gold().isEmpty()).anyMatch(l -> !l.gold().isEmpty());
  }

  @Test
  void everyMarkedStretchIsMaskedWholeAndNothingElseIs() {
    List<String> misses = new ArrayList<>();
    List<String> falseAlarms = new ArrayList<>();
    for (Line line : lines()) {
      List<PersonalDataMasker.Span> found = masker.find(line.text());
      for (int[] g : line.gold()) {
        boolean covered = found.stream().anyMatch(s -> s.start() <= g[0] && s.end() >= g[1]);
        if (!covered) {
          misses.add(line.text().substring(g[0], g[1]) + "   in: " + line.text());
        }
      }
      for (PersonalDataMasker.Span s : found) {
        boolean marked = line.gold().stream().anyMatch(g -> s.start() < g[1] && g[0] < s.end());
        if (!marked) {
          falseAlarms.add(line.text().substring(s.start(), s.end()) + "   in: " + line.text());
        }
      }
    }
    assertThat(misses).as("personal data left unmasked").isEmpty();
    assertThat(falseAlarms).as("ordinary text masked").isEmpty();
  }

  @Test
  void maskedTextKeepsTheRestOfTheLine() {
    assertThat(masker.mask("Asun osoitteessa Kotikatu 5 B 12, puh. 040 123 4567."))
        .isEqualTo("Asun osoitteessa [OSOITE], puh. [PUHELIN].");
  }
}
