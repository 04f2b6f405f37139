package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.WordForms;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Lucene analysis through the chat's own Finnish pipeline: each word yields its lower-case form
 * and, stacked at the same position, its lemmas, its compound parts and the knowledge concepts
 * they express (as "#sika"), so "possu" finds "sika", and a light stem of the word as written;
 * common function words are dropped. Each token's type says whether it stands for the whole word
 * or for a compound part, so that the query side can weigh the two apart.
 * Thread-safe as Lucene analyzers are (per-thread components).
 */
public final class FinnishLuceneAnalyzer extends Analyzer {
  /** Marks a concept token, which no word can produce. */
  static final String CONCEPT_PREFIX = "#";

  /**
   * Token types, read by the query side: the word as written, its lemmas, its stem (and concepts
   * the whole word expresses) are the whole word; compound parts and their concepts are parts.
   */
  static final String WHOLE = "whole";

  static final String PART = "part";

  static final String CONCEPT = "concept";

  static final Set<String> STOPWORDS =
      Set.of(
          "ja", "tai", "sekä", "olla", "ei", "se", "että", "kun", "jos", "mikä", "mitä", "miten", "minä", "mä",
          "sinä", "hän", "me", "te", "he", "tämä", "tuo", "joka", "jonka", "niin", "kuin", "myös", "vain", "on",
          "ovat", "oli", "voi", "pitää", "täytyy", "kuka", "mihin", "mistä", "missä", "ko", "kö", "sitten", "nyt",
          "kuinka", "paljonko", "montako", "moni", "kanssa");

  private final FinnishAnalyser analyser;

  public FinnishLuceneAnalyzer(FinnishAnalyser analyser) {
    this.analyser = analyser;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    return new TokenStreamComponents(source, new FormsFilter(source, analyser));
  }

  private static final class FormsFilter extends TokenFilter {
    private final FinnishAnalyser analyser;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final Deque<Map.Entry<String, String>> pending = new ArrayDeque<>();
    private final org.apache.lucene.analysis.fi.FinnishLightStemmer stemmer = new org.apache.lucene.analysis.fi.FinnishLightStemmer();
    private State state;
    private int skipped;

    FormsFilter(TokenStream in, FinnishAnalyser analyser) {
      super(in);
      this.analyser = analyser;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!pending.isEmpty()) {
        restoreState(state);
        Map.Entry<String, String> next = pending.poll();
        term.setEmpty().append(next.getKey());
        type.setType(next.getValue());
        posInc.setPositionIncrement(0);
        return true;
      }
      while (input.incrementToken()) {
        WordForms forms = analyser.indexForms(term.toString());
        if (forms.all().stream().anyMatch(STOPWORDS::contains)) {
          skipped += posInc.getPositionIncrement();
          continue;
        }
        posInc.setPositionIncrement(posInc.getPositionIncrement() + skipped);
        skipped = 0;
        term.setEmpty().append(forms.written());
        type.setType(WHOLE);
        Map<String, String> extra = new LinkedHashMap<>();
        forms.whole().stream().skip(1).forEach(f -> extra.put(f, WHOLE));
        extra.putIfAbsent(stem(forms.written()), WHOLE);
        forms.parts().forEach(f -> extra.putIfAbsent(f, PART));
        for (String f : forms.whole()) {
          for (String concept : analyser.vocabulary().conceptsOf(f)) {
            extra.putIfAbsent(CONCEPT_PREFIX + concept, CONCEPT);
          }
        }
        for (String f : forms.parts()) {
          for (String concept : analyser.vocabulary().conceptsOf(f)) {
            extra.putIfAbsent(CONCEPT_PREFIX + concept, PART);
          }
        }
        extra.remove(forms.written());
        pending.addAll(extra.entrySet());
        state = captureState();
        return true;
      }
      return false;
    }

    /**
     * A light suffix-stripping stem of the word as written: it still matches when Voikko does
     * not know a word (a typo, a brand, a new compound), where lemmas cannot help.
     */
    private String stem(String word) {
      char[] buffer = word.toCharArray();
      int length = stemmer.stem(buffer, buffer.length);
      return new String(buffer, 0, length);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      pending.clear();
      state = null;
      skipped = 0;
    }
  }
}
