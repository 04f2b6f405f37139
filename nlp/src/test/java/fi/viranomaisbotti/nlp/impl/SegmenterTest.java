package fi.viranomaisbotti.nlp.impl;

import static org.assertj.core.api.Assertions.assertThat;

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
  void randomTextNeverBreaksTheSegmenter() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 500; i++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(80);
      for (int j = 0; j < len; j++) {
        sb.appendCodePoint(random.nextInt(0x3000));
      }
      String text = sb.toString();
      for (var s : segmenter.split(text)) {
        for (var t : s.tokens()) {
          assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
        }
      }
    }
  }
}
