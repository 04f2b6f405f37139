package fi.viranomaisbotti.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Random and hostile text through the whole analyser with the real Voikko. */
class FinnishAnalyserRobustnessIT {
  private final FinnishAnalyser analyser = AnalyserFixture.analyser();

  @Test
  void randomTextIsAnalysedWithTokensAtTheirOffsetsAndAMaskedCopy() {
    RandomText.check(60, FinnishAnalyser.MAX_TEXT_LENGTH, text -> {
      AnalysedText a = analyser.analyse(text);
      String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
      for (Token t : a.tokens()) {
        assertThat(normalised.substring(t.start(), t.end())).isEqualTo(t.text());
      }
      assertThat(a.maskedText()).isNotNull();
    });
  }

  @Test
  void theInputsThatOnceOverflowedTheStackAreAnalysed() {
    for (String unit : List.of("a-", "1.", "1,", "a:", "a'", "ä-", "a.", "!")) {
      String text = unit.repeat(FinnishAnalyser.MAX_TEXT_LENGTH).substring(0, FinnishAnalyser.MAX_TEXT_LENGTH);
      assertThat(analyser.analyse(text).tokens()).as(unit).isNotEmpty();
    }
    assertThat(analyser.analyse("a@" + "b.".repeat(4999)).maskedText()).isNotEmpty();
    assertThat(analyser.analyse("@ " + "a".repeat(9998)).language()).isNotNull();
    assertThat(analyser.analyse("http " + "a".repeat(9995)).language()).isNotNull();
  }

  @Test
  void aTextOverTheLimitIsRefusedWithItsLength() {
    assertThatThrownBy(() -> analyser.analyse("a".repeat(FinnishAnalyser.MAX_TEXT_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10001 characters");
  }
}
