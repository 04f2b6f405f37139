package fi.viranomaisbotti.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the masker with the real Voikko morphology over the project's set of chat lines
 * (masking-set.txt): every marked stretch is masked whole with its placeholder and nothing else
 * is, except on the lines marked as known limitations, which must still fail (remove the mark
 * when one starts to pass).
 */
class PersonalDataMaskingSetIT {
  private final PersonalDataMasker masker = new PersonalDataMasker(AnalyserFixture.morphology());

  @Test
  void theSetHasThreeHundredLinesWithAndWithoutPersonalDataOfEveryCategory() {
    List<MaskingSet.Line> lines = MaskingSet.lines();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(300);
    assertThat(lines.stream().filter(l -> l.gold().isEmpty()).count()).isGreaterThanOrEqualTo(100);
    for (String category : MaskingSet.CATEGORIES) {
      assertThat(lines).as(category).anyMatch(l -> l.gold().stream().anyMatch(g -> g.category().equals(category)));
    }
  }

  @Test
  void everyMarkedStretchIsMaskedWholeAndNothingElseIs() {
    List<String> wrong = MaskingSet.lines().stream()
        .filter(l -> !l.knownLimitation())
        .map(l -> MaskingSet.run(masker, l))
        .filter(o -> !o.right())
        .map(o -> "line " + o.line().number() + ": " + o.line().text() + "  missed " + o.misses() + ", masked " + o.falseAlarms())
        .toList();
    assertThat(wrong).as("lines the masker gets wrong").isEmpty();
  }

  @Test
  void theKnownLimitationsAreStillLimitations() {
    List<String> fixed = MaskingSet.lines().stream()
        .filter(MaskingSet.Line::knownLimitation)
        .map(l -> MaskingSet.run(masker, l))
        .filter(MaskingSet.Outcome::right)
        .map(o -> "line " + o.line().number() + ": " + o.line().text())
        .toList();
    assertThat(fixed).as("lines marked '~' that the masker now gets right: remove the mark").isEmpty();
  }

  @Test
  void maskedTextKeepsTheRestOfTheLine() {
    assertThat(masker.mask("Olen Liisa Virtanen, asun osoitteessa Kotikatu 5 B 12, puh. 358 40 123 4567."))
        .isEqualTo("Olen [NIMI], asun osoitteessa [OSOITE], puh. [PUHELIN].");
  }
}
