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

/** The combined detector on the project's own set of one-line turns, and on the hard cases by name. */
class LanguageDetectionIT {
  record Turn(String language, String text) {}

  private final LanguageDetector detector = LanguageDetector.combined(AnalyserFixture.morphology());

  static List<Turn> turns() {
    List<Turn> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(LanguageDetectionIT.class.getResourceAsStream("language-turns.tsv")), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] cols = line.split("\t", 2);
          out.add(new Turn(cols[0], cols[1]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Test
  void theSetHasAtLeastThreeHundredTurnsInThreeLanguages() {
    assertThat(turns()).hasSizeGreaterThanOrEqualTo(300);
    assertThat(turns()).extracting(Turn::language).containsOnly("fi", "sv", "en");
  }

  @Test
  void combinedDetectorGetsAtLeastNinetySevenPercentOfTheTurnsRight() {
    List<String> wrong = new ArrayList<>();
    List<Turn> turns = turns();
    for (Turn t : turns) {
      String got = detector.detect(t.text()).language();
      if (!got.equals(t.language())) {
        wrong.add(t.language() + "→" + got + ": " + t.text());
      }
    }
    double accuracy = 1 - (double) wrong.size() / turns.size();
    assertThat(accuracy).as("misread turns:%n%s", String.join("\n", wrong)).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void finnishPlaceNamesDoNotMakeEnglishFinnish() {
    assertThat(detector.detect("I'm moving to Seinäjoki next month.").language()).isEqualTo("en");
    assertThat(detector.detect("My farm is in Ylistaro, near Seinäjoki.").language()).isEqualTo("en");
  }

  @Test
  void finnishWithoutDotsAndColloquialFinnishAreFinnish() {
    assertThat(detector.detect("tarvitaanko ymparistolupa jos on 600 sikaa").language()).isEqualTo("fi");
    assertThat(detector.detect("Mun pitäis palkata yks työntekijä.").language()).isEqualTo("fi");
  }

  @Test
  void finlandSwedishIsSwedish() {
    assertThat(detector.detect("Hur e de me skatten?").language()).isEqualTo("sv");
    assertThat(detector.detect("Vi bor i Jakobstad men gården ligger i Larsmo.").language()).isEqualTo("sv");
  }

  @Test
  void markupLinksAndAddressesDoNotCountAsWords() {
    assertThat(detector.detect("<img src=x onerror=\"document.title='hacked'\"> Avaan kahvilan.").language())
        .isEqualTo("fi");
    assertThat(detector.detect("Katso https://www.example.com/english/start-your-business-now ja kerro").language())
        .isEqualTo("fi");
  }

  @Test
  void textWithoutLettersIsUndetermined() {
    assertThat(detector.detect("600 / 3000 ?")).isEqualTo(LanguageGuess.UNDETERMINED);
  }

  @Test
  void theOpenNlpBaselineAnswersInTheSameThreeLanguages() {
    try (LanguageDetector baseline = LanguageDetector.openNlp()) {
      assertThat(baseline.detect("Jag vill starta ett kafé i Vasa och sälja kaffe.").language()).isEqualTo("sv");
    }
  }
}
