package fi.viranomaisbotti.nlp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the masker per category on masking-set.txt, with the real Voikko
 * morphology, written into docs/personal-data-masking.md between its figure marks. Not run by the
 * default build (neither *Test nor *IT); run it with
 * {@code mvn -B -q -pl nlp -am verify -Dtest=PersonalDataMaskingEval -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}.
 */
class PersonalDataMaskingEval {
  private static final Path DOC = Path.of("..", "docs", "personal-data-masking.md");
  private static final String START = "<!-- figures: written by PersonalDataMaskingEval -->";
  private static final String END = "<!-- end of figures -->";

  @Test
  void writesPrecisionAndRecallPerCategory() throws IOException {
    List<MaskingSet.Line> lines = MaskingSet.lines();
    Map<String, MaskingSet.Score> scores =
        MaskingSet.score(new PersonalDataMasker(AnalyserFixture.morphology()), lines);
    Map<String, MaskingSet.Score> withoutMorphology = MaskingSet.score(new PersonalDataMasker(), lines);
    StringBuilder table = new StringBuilder();
    table.append(START).append('\n');
    table.append(String.format(Locale.ROOT, "%d lines, %d of them without personal data, %d marked as known limitations.%n%n",
        lines.size(), lines.stream().filter(l -> l.gold().isEmpty()).count(),
        lines.stream().filter(MaskingSet.Line::knownLimitation).count()));
    table.append("| category | marked | masked | precision | recall | recall without morphology |\n");
    table.append("|---|---:|---:|---:|---:|---:|\n");
    for (var e : scores.entrySet()) {
      MaskingSet.Score s = e.getValue();
      table.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f |%n",
          e.getKey(), s.gold, s.found, s.precision(), s.recall(), withoutMorphology.get(e.getKey()).recall()));
    }
    table.append(END);
    System.out.println(table);
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int from = doc.indexOf(START);
    int to = doc.indexOf(END);
    if (from < 0 || to < from) {
      throw new IllegalStateException(DOC + " has no figure marks; put the lines '" + START + "' and '" + END
          + "' where the table belongs.");
    }
    Files.writeString(DOC, doc.substring(0, from) + table + doc.substring(to + END.length()), StandardCharsets.UTF_8);
  }
}
