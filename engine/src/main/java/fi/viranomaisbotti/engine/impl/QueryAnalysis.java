package fi.viranomaisbotti.engine.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Reads a query through an analyzer into {@link QueryWord}s: each position one word, its forms
 * sorted into the whole word's and the compound parts' by the token type. Thread-safe (a Lucene
 * analyzer keeps one token stream per thread).
 */
final class QueryAnalysis {
  private final Analyzer analyzer;

  QueryAnalysis(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  List<QueryWord> words(String text) {
    List<List<String>> whole = new ArrayList<>();
    List<List<String>> parts = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("query", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() > 0 || whole.isEmpty()) {
          whole.add(new ArrayList<>());
          parts.add(new ArrayList<>());
        }
        List<String> w = whole.get(whole.size() - 1);
        List<String> p = parts.get(parts.size() - 1);
        String form = term.toString();
        // Another analyzer's tokens (the comparison baselines) have other types: the whole word.
        List<String> into = FinnishLuceneAnalyzer.PART.equals(type.type()) ? p : w;
        if (!w.contains(form) && !p.contains(form)) {
          into.add(form);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Analysing the query failed", e);
    }
    List<QueryWord> out = new ArrayList<>(whole.size());
    for (int i = 0; i < whole.size(); i++) {
      out.add(new QueryWord(whole.get(i), parts.get(i)));
    }
    return out;
  }
}
