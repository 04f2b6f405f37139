package fi.viranomaisbotti.nlp.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the nlp module's own test sets (language turns, masking lines) from its source tree. */
final class EvalData {
  record Turn(String language, String text) {}

  record MaskLine(String text, List<int[]> gold) {}

  private final Path folder;

  EvalData(Path folder) {
    this.folder = folder;
  }

  /** The folder given by the system property {@code eval.data}, or the nlp module's test resources. */
  static EvalData fromSystemProperty() {
    String dir = System.getProperty("eval.data", "../nlp/src/test/resources/fi/viranomaisbotti/nlp");
    return new EvalData(Path.of(dir));
  }

  List<Turn> turns() {
    return turns("language-turns.tsv");
  }

  /** Turns written after the detector was fixed, never used to tune it. */
  List<Turn> heldOutTurns() {
    return turns("language-turns-heldout.tsv");
  }

  private List<Turn> turns(String file) {
    List<Turn> out = new ArrayList<>();
    for (String line : read(file)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] cols = line.split("\t", 2);
        out.add(new Turn(cols[0], cols[1]));
      }
    }
    return out;
  }

  List<MaskLine> maskLines() {
    List<MaskLine> out = new ArrayList<>();
    for (String raw : read("masking-set.txt")) {
      if (raw.isBlank() || raw.startsWith("#")) {
        continue;
      }
      // "~ " marks a known limitation; the line still counts. A mark reads ⟦text|CATEGORY⟧.
      String line = raw.startsWith("~ ") ? raw.substring(2) : raw;
      StringBuilder text = new StringBuilder();
      List<int[]> gold = new ArrayList<>();
      int open = -1;
      boolean inCategory = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '⟦') {
          open = text.length();
        } else if (c == '|' && open >= 0) {
          inCategory = true;
        } else if (c == '⟧') {
          gold.add(new int[] {open, text.length()});
          open = -1;
          inCategory = false;
        } else if (!inCategory) {
          text.append(c);
        }
      }
      out.add(new MaskLine(text.toString(), gold));
    }
    return out;
  }

  private List<String> read(String name) {
    Path file = folder.resolve(name);
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the evaluation set " + file.toAbsolutePath() + "; run from the nlp-signals-eval module or set -Deval.data", e);
    }
  }
}
