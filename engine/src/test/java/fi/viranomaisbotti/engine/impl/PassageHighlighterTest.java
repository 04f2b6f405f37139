package fi.viranomaisbotti.engine.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PassageHighlighterTest {
  private static final List<String> TEXTS = List.of(
      "Kahvila tarvitsee ilmoituksen. Sika ja luomu ovat tilan asioita, sika myös. Loppu.",
      "Tässä tekstissä ei ole yhtään hakusanaa.",
      "Luomu on hyvä. Toinen lause.",
      "Ensimmäinen lause ilman osumaa. Toinen lause jossa luomu.",
      "sana ".repeat(1_000) + "luomu " + "sana ".repeat(3_000));

  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private DirectoryReader reader;

  @BeforeEach
  void index() throws IOException {
    FieldType offsets = new FieldType(TextField.TYPE_NOT_STORED);
    offsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    offsets.freeze();
    // Two segments, so that hits are looked up in the right leaf.
    try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (int i = 0; i < TEXTS.size(); i++) {
        Document d = new Document();
        d.add(new Field("text", TEXTS.get(i), offsets));
        w.addDocument(d);
        if (i == 1) {
          w.commit();
        }
      }
    }
    reader = DirectoryReader.open(directory);
  }

  @AfterEach
  void close() throws IOException {
    reader.close();
    directory.close();
  }

  private String[] highlight(List<String> terms, int... docs) throws IOException {
    PassageHighlighter h = new PassageHighlighter(reader, "text", new DistinctTermPassageScorer(), new MarkingFormatter(), 10_000);
    ScoreDoc[] hits = new ScoreDoc[docs.length];
    for (int i = 0; i < docs.length; i++) {
      hits[i] = new ScoreDoc(docs[i], 1f);
    }
    return h.highlight(terms, hits, TEXTS::get);
  }

  @Test
  void aTextWithoutSentenceBreaksGivesAWindowAroundTheMatch() throws IOException {
    String[] out = highlight(List.of("luomu"), 4);
    assertThat(visible(out[0])).contains("[luomu]").doesNotContain("[sana]").startsWith("… ").endsWith(" …");
    assertThat(out[0].length()).isLessThanOrEqualTo(PassageHighlighter.MAX_PASSAGE + 10);
    String opening = highlight(List.of("puuttuva"), 4)[0];
    assertThat(opening.length()).isLessThanOrEqualTo(PassageHighlighter.MAX_PASSAGE + 10);
  }

  private static String visible(String marked) {
    return marked.replace(MarkingFormatter.OPEN, '[').replace(MarkingFormatter.CLOSE, ']').strip();
  }

  @Test
  void picksTheSentenceWithMostQueryTermsAndMarksEveryOccurrence() throws IOException {
    String[] out = highlight(List.of("sika", "luomu", "kahvila"), 0);
    assertThat(reader.leaves()).hasSizeGreaterThan(1);
    assertThat(visible(out[0])).isEqualTo("[Sika] ja [luomu] ovat tilan asioita, [sika] myös.");
  }

  @Test
  void keepsTheOrderOfTheHitsAndGivesTheFirstSentenceWithoutMatches() throws IOException {
    String[] out = highlight(List.of("luomu", "luomu", "puuttuva"), 3, 1, 2);
    assertThat(visible(out[0])).isEqualTo("Toinen lause jossa [luomu].");
    assertThat(visible(out[1])).isEqualTo("Tässä tekstissä ei ole yhtään hakusanaa.");
    assertThat(visible(out[2])).isEqualTo("[Luomu] on hyvä.");
  }
}
