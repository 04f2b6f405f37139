package fi.viranomaisbotti.engine.impl;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * The best sentence of each hit's text, with the query's words marked, from the offsets stored
 * in the postings. Each query term is looked up once per query and its postings walked once over
 * all hits in document order; Lucene's UnifiedHighlighter opens the postings again for every
 * term of every hit, which at 100,000 documents was a quarter of a query's time and half of the
 * bytes it allocated (docs/benchmarks.md). Passages are scored and formatted with the
 * highlighter's own {@link PassageScorer} and {@link PassageFormatter}. Thread-safe: all state
 * is per call.
 */
final class PassageHighlighter {
  private final IndexReader reader;
  private final String field;
  private final PassageScorer scorer;
  private final PassageFormatter formatter;
  private final int maxLength;

  /** Longest passage returned, in characters (a sentence longer than this is cut). */
  static final int MAX_PASSAGE = 400;

  /** Characters of context kept before the first match when a long sentence is cut. */
  private static final int LEAD_IN = 60;

  /** One occurrence of a query term in a hit's text. */
  private record Match(int start, int end, BytesRef term, int freqInDoc) {}

  PassageHighlighter(IndexReader reader, String field, PassageScorer scorer, PassageFormatter formatter, int maxLength) {
    this.reader = reader;
    this.field = field;
    this.scorer = scorer;
    this.formatter = formatter;
    this.maxLength = maxLength;
  }

  /**
   * The formatted best passage of each hit, in the order of {@code hits}; for a hit whose text has
   * none of the terms, its first sentence unmarked; null for an empty text. {@code textOf} gives
   * a document's text as it was indexed.
   */
  String[] highlight(Collection<String> terms, ScoreDoc[] hits, IntFunction<String> textOf) throws IOException {
    List<List<Match>> matches = matches(terms, hits);
    String[] out = new String[hits.length];
    for (int i = 0; i < hits.length; i++) {
      String text = textOf.apply(hits[i].doc);
      Passage best = matches.get(i).isEmpty() ? null : bestPassage(text, matches.get(i));
      out[i] = best == null ? opening(text) : cut(best, text);
    }
    return out;
  }

  /** Every occurrence of every term in each hit, sorted by position. */
  private List<List<Match>> matches(Collection<String> terms, ScoreDoc[] hits) throws IOException {
    List<List<Match>> out = new ArrayList<>();
    for (int i = 0; i < hits.length; i++) {
      out.add(new ArrayList<>());
    }
    Integer[] byDoc = new Integer[hits.length];
    Arrays.setAll(byDoc, i -> i);
    Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
    // A lone letter ("y" of "y-tunnus") would be marked wherever it stands alone; not worth it.
    List<BytesRef> termBytes = terms.stream().distinct().filter(t -> t.length() > 1).map(BytesRef::new).toList();
    List<LeafReaderContext> leaves = reader.leaves();
    int first = 0;
    while (first < byDoc.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[byDoc[first]].doc, leaves));
      int end = first;
      while (end < byDoc.length && hits[byDoc[end]].doc < leaf.docBase + leaf.reader().maxDoc()) {
        end++;
      }
      collect(leaf, termBytes, hits, Arrays.copyOfRange(byDoc, first, end), out);
      first = end;
    }
    out.forEach(list -> list.sort(Comparator.comparingInt(Match::start).thenComparingInt(Match::end)));
    return out;
  }

  private void collect(LeafReaderContext leaf, List<BytesRef> terms, ScoreDoc[] hits, Integer[] inOrder,
      List<List<Match>> out) throws IOException {
    Terms fieldTerms = leaf.reader().terms(field);
    if (fieldTerms == null) {
      return;
    }
    TermsEnum termsEnum = fieldTerms.iterator();
    PostingsEnum postings = null;
    for (BytesRef term : terms) {
      if (!termsEnum.seekExact(term)) {
        continue;
      }
      postings = termsEnum.postings(postings, PostingsEnum.OFFSETS);
      int current = -1;
      for (int i : inOrder) {
        int target = hits[i].doc - leaf.docBase;
        if (current < target) {
          current = postings.advance(target);
        }
        if (current == PostingsEnum.NO_MORE_DOCS) {
          break;
        }
        if (current != target) {
          continue;
        }
        int freq = postings.freq();
        for (int k = 0; k < freq; k++) {
          postings.nextPosition();
          if (postings.startOffset() >= 0 && postings.startOffset() < maxLength) {
            out.get(i).add(new Match(postings.startOffset(), postings.endOffset(), term, freq));
          }
        }
      }
    }
  }

  /**
   * The highest-scoring sentence among those with matches. A sentence longer than {@link
   * #MAX_PASSAGE} characters is cut to a window that starts a little before its first match, so
   * that a text without sentence breaks does not come back whole.
   */
  private Passage bestPassage(String text, List<Match> matches) {
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    sentences.setText(text);
    Passage best = null;
    Passage current = null;
    for (Match m : matches) {
      if (m.end() > text.length()) {
        continue;
      }
      if (current == null || m.start() >= current.getEndOffset()) {
        best = better(best, current, text.length());
        current = new Passage();
        int start = sentences.preceding(m.start() + 1);
        int end = sentences.following(m.start());
        start = start == BreakIterator.DONE ? 0 : start;
        end = end == BreakIterator.DONE ? text.length() : end;
        if (m.start() - start > MAX_PASSAGE / 2) {
          start = Math.min(m.start(), wordStart(text, m.start() - LEAD_IN));
        }
        end = Math.min(end, Math.max(m.end(), wordEnd(text, start + MAX_PASSAGE)));
        current.setStartOffset(start);
        current.setEndOffset(end);
      }
      current.setEndOffset(Math.max(current.getEndOffset(), m.end()));
      current.addMatch(m.start(), m.end(), m.term(), m.freqInDoc());
    }
    return better(best, current, text.length());
  }

  /**
   * The passage of a hit none of whose words are in its text (it matched on its title, keywords
   * or a near spelling): its first sentence, cut like any other passage.
   */
  private String opening(String text) {
    if (text.isBlank()) {
      return null;
    }
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    sentences.setText(text);
    int end = sentences.following(0);
    end = end == BreakIterator.DONE ? text.length() : end;
    Passage p = new Passage();
    p.setStartOffset(0);
    p.setEndOffset(Math.min(end, wordEnd(text, MAX_PASSAGE)));
    return cut(p, text);
  }

  /** The formatted passage, with "…" where it begins or ends inside a sentence. */
  private String cut(Passage p, String text) {
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    sentences.setText(text);
    String formatted = ((String) formatter.format(new Passage[] {p}, text)).strip();
    boolean cutAtStart = p.getStartOffset() > 0 && !sentences.isBoundary(p.getStartOffset());
    boolean cutAtEnd = p.getEndOffset() < text.length() && !sentences.isBoundary(p.getEndOffset());
    return (cutAtStart ? "… " : "") + formatted + (cutAtEnd ? " …" : "");
  }

  /** The start of the word at or after {@code i}. */
  private static int wordStart(String text, int i) {
    int k = Math.max(0, i);
    while (k > 0 && k < text.length() && !Character.isWhitespace(text.charAt(k - 1))) {
      k++;
    }
    return Math.min(k, text.length());
  }

  /** The end of the word at {@code i}, or the text's end. */
  private static int wordEnd(String text, int i) {
    int k = Math.min(i, text.length());
    while (k < text.length() && !Character.isWhitespace(text.charAt(k))) {
      k++;
    }
    return k;
  }

  private Passage better(Passage best, Passage candidate, int contentLength) {
    if (candidate == null) {
      return best;
    }
    candidate.setScore(scorer.score(candidate, contentLength));
    return best == null || candidate.getScore() > best.getScore() ? candidate : best;
  }
}
