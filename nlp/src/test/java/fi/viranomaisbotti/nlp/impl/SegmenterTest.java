package fi.viranomaisbotti.nlp.impl;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.nlp.RandomText;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {
  private final Segmenter segmenter = new Segmenter();

  private List<String> texts(Segmenter.RawSentence s) {
    return s.tokens().stream().map(Segmenter.RawToken::text).toList();
  }

  @Test
  void splitsSentencesAtFullStopsBeforeACapital() {
    var sentences = segmenter.split("Olen 26-vuotias maatalousopiskelija. Haluan perustaa luomutilan!");
    assertThat(sentences).hasSize(2);
    assertThat(texts(sentences.get(0))).containsExactly("Olen", "26-vuotias", "maatalousopiskelija", ".");
    assertThat(texts(sentences.get(1))).containsExactly("Haluan", "perustaa", "luomutilan", "!");
  }

  @Test
  void keepsHyphenatedColonInflectedWordsAndEmailsWhole() {
    var sentences = segmenter.split("Y-tunnuksen ja EU:n tuen hain osoitteesta liisa.maki@example.fi tänään");
    assertThat(texts(sentences.get(0)))
        .containsExactly("Y-tunnuksen", "ja", "EU:n", "tuen", "hain", "osoitteesta", "liisa.maki@example.fi", "tänään");
  }

  @Test
  void offsetsPointIntoTheOriginalText() {
    String text = "  Sikala,  ravintola.";
    var tokens = segmenter.split(text).get(0).tokens();
    for (var t : tokens) {
      assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
    }
  }

  @Test
  void emptyAndBlankTextHaveNoSentences() {
    assertThat(segmenter.split("")).isEmpty();
    assertThat(segmenter.split(" \n\t ")).isEmpty();
  }

  @Test
  void keepsAnEmailAddressWholeAfterTheStartOfItsRun() {
    assertThat(texts(segmenter.split("(liisa.maki@example.fi)").get(0))).containsExactly("(", "liisa.maki@example.fi", ")");
    assertThat(texts(segmenter.split("a-b@c").get(0))).containsExactly("a-b", "@", "c");
  }

  @Test
  void tenThousandCharactersOfRepeatedSeparatorsAreReadWithoutOverflowingTheStack() {
    for (String unit : List.of("a-", "1.", "1,", "a:", "a'", "ä-", "b.", "a.", "-1", "1-a")) {
      String text = unit.repeat(5000).substring(0, 10_000);
      assertThat(joined(segmenter.split(text))).as(unit).isEqualTo(text);
    }
    String address = "a@" + "b.".repeat(4999);
    assertThat(texts(segmenter.split(address).get(0))).containsExactly(address.substring(0, address.length() - 1), ".");
  }

  @Test
  void noBreakAndOtherUnicodeSpacesSeparateTokensLikeASpace() {
    assertThat(texts(segmenter.split("10\u00A0000 euroa\u2003nyt").get(0))).containsExactly("10", "000", "euroa", "nyt");
  }

  @Test
  void randomTextKeepsEveryTokenAtItsOffsetsAndLeavesOutOnlySpace() {
    RandomText.check(400, 10_000, text -> {
      int at = 0;
      for (var s : segmenter.split(text)) {
        assertThat(s.tokens()).isNotEmpty();
        for (var t : s.tokens()) {
          assertThat(t.start()).isGreaterThanOrEqualTo(at);
          assertThat(t.end()).isGreaterThan(t.start());
          assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
          assertThat(text.substring(at, t.start()).codePoints().allMatch(Segmenter::isSpace)).isTrue();
          at = t.end();
        }
      }
      assertThat(text.substring(at).codePoints().allMatch(Segmenter::isSpace)).isTrue();
    });
  }

  private static String joined(List<Segmenter.RawSentence> sentences) {
    StringBuilder out = new StringBuilder();
    sentences.forEach(s -> s.tokens().forEach(t -> out.append(t.text())));
    return out.toString();
  }
}
