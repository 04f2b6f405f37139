package fi.viranomaisbotti.nlp.impl;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.nlp.Entity;
import fi.viranomaisbotti.nlp.RandomText;
import fi.viranomaisbotti.nlp.Token;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Random text through the parts after the segmenter that need no morphology: each token gets a
 * plain reading (its own lower case; NUM for digits, PUNCT for marks, NOUN otherwise) and the
 * entity recogniser and clause scope read the sentences.
 */
class EntityRecogniserRandomTest {
  private final Segmenter segmenter = new Segmenter();
  private final EntityRecogniser entities =
      new EntityRecogniser(Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneId.of("Europe/Helsinki")));
  private final ClauseScope clauses = new ClauseScope();

  @Test
  void randomSentencesGiveEntitiesInsideTheirSentenceAndAModalityForEveryToken() {
    RandomText.check(200, 10_000, text -> {
      int index = 0;
      for (Segmenter.RawSentence raw : segmenter.split(text)) {
        List<Token> tokens = plainReadings(raw.tokens());
        ClauseScope.Marks marks = clauses.mark(tokens, text.substring(raw.start(), raw.end()).endsWith("?"));
        assertThat(marks.modalities()).hasSameSizeAs(tokens);
        for (Entity e : entities.recognise(marks.tokens(), index)) {
          assertThat(e.start()).isGreaterThanOrEqualTo(raw.start());
          assertThat(e.end()).isLessThanOrEqualTo(raw.end()).isGreaterThan(e.start());
        }
        index++;
      }
    });
  }

  @Test
  void numbersDatesAndAgesInARowOfTenThousandCharactersAreRead() {
    for (String unit : List.of("1 ", "1.1.2027 ", "olen 30 v ", "10 000 € ", "ensi kesänä ", "yli 5 ha ")) {
      String text = unit.repeat(10_000 / unit.length());
      List<Token> tokens = plainReadings(segmenter.split(text).stream().flatMap(s -> s.tokens().stream()).toList());
      assertThat(entities.recognise(tokens, 0)).as(unit).isNotNull();
    }
  }

  private static List<Token> plainReadings(List<Segmenter.RawToken> raw) {
    List<Token> out = new ArrayList<>();
    for (Segmenter.RawToken r : raw) {
      int cp = r.text().codePointAt(0);
      String pos = Character.isDigit(cp) ? "NUM" : Character.isLetter(cp) ? "NOUN" : "PUNCT";
      String lemma = r.text().toLowerCase(Locale.ROOT);
      out.add(new Token(r.text(), r.start(), r.end(), lemma, pos, "", List.of(lemma), true, null, 1, List.of(), false));
    }
    return out;
  }
}
