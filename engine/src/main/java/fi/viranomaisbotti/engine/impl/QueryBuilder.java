package fi.viranomaisbotti.engine.impl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * Builds the Lucene queries for analysed query words over one index: the weighted exact query,
 * the fuzzy fallback and the related-item filters. Only terms the index has go into a query.
 * Thread-safe (the reader is only read).
 */
final class QueryBuilder {
  /**
   * Weight of a match on one of a compound's parts relative to a match on the whole word. Chosen
   * on the 311 judgments of 2026-11-22 (docs/search-evaluation.md): with all parts in one synonym
   * query, 0.7 was best (nDCG@5 0.944); with each part its own clause, as now, 0.25 / 0.35 / 0.5 /
   * 0.7 gave 0.944 / 0.945 / 0.945 / 0.941, and 0.5 the best MRR (0.964) and recall@10 (0.933).
   */
  static final float PART_WEIGHT = 0.5f;

  /**
   * Fields a whole story is matched against for the answers shown with a recommendation: the
   * short fields only, since a long story matches every long text a little. The fuzzy fallback
   * uses them too.
   */
  static final Map<String, Float> STORY_FIELDS = Map.of("title", 2f, "questions", 3.5f, "keywords", 2f);

  /** At most this many near spellings of one word, per field, in the fuzzy fallback. */
  private static final int MAX_FUZZY_TERMS = 50;

  private final IndexReader reader;

  QueryBuilder(IndexReader reader) {
    this.reader = reader;
  }

  /**
   * The words of a long text without repeats, and no more than Lucene's clause limit allows
   * (two clauses per word and field): a 10,000-character story would otherwise exceed it.
   */
  static List<QueryWord> bounded(List<QueryWord> words, int fields) {
    List<QueryWord> distinct = new ArrayList<>(new LinkedHashSet<>(words));
    int max = IndexSearcher.getMaxClauseCount() / (2 * fields);
    return distinct.size() <= max ? distinct : distinct.subList(0, max);
  }

  /**
   * Per field and query word, one synonym query over the whole word's forms (as written,
   * lemmas, stem, its concepts) and one clause, weighted down, for each compound part: a synonym
   * query scores its terms as one term as common as the commonest of them, so parts stacked with
   * the whole word would give "vähittäismyyntilupa" the weight of "lupa", and "arpajainen" stacked
   * with "lupa" in "arpajaislupa" would be as common as "lupa". Forms the
   * field does not have are left out before Lucene builds its weights: each term Lucene looks up
   * opens a new terms enumeration, while here one per field is reused, and a missing term adds
   * nothing to a synonym query's score (this halved the bytes a query allocated at 100,000
   * documents).
   */
  Query exact(List<QueryWord> words, Map<String, Float> fields) throws IOException {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (Map.Entry<String, Float> f : fields.entrySet()) {
      Terms terms = MultiTerms.getTerms(reader, f.getKey());
      if (terms == null) {
        continue;
      }
      TermsEnum present = terms.iterator();
      for (QueryWord w : words) {
        addPresent(all, present, f.getKey(), w.whole(), f.getValue());
        for (String part : w.parts()) {
          addPresent(all, present, f.getKey(), List.of(part), f.getValue() * PART_WEIGHT);
        }
      }
    }
    return all.build();
  }

  private static void addPresent(
      BooleanQuery.Builder all, TermsEnum present, String field, List<String> forms, float weight) throws IOException {
    SynonymQuery.Builder any = new SynonymQuery.Builder(field);
    int found = 0;
    for (String form : forms) {
      BytesRef bytes = new BytesRef(form);
      if (present.seekExact(bytes)) {
        any.addTerm(new Term(field, bytes));
        found++;
      }
    }
    if (found > 0) {
      all.add(new BoostQuery(any.build(), weight), BooleanClause.Occur.SHOULD);
    }
  }

  /**
   * The fallback for queries that match nothing: each written word within one edit (the first
   * two letters kept), in the short fields only; the terms it finds are added to {@code matched}
   * for highlighting. The edit automaton is built once per word and run over each field's terms;
   * the terms it accepts form one synonym query per field. (Lucene's FuzzyQuery builds the
   * automaton again for every field: 5 ms for a two-word query on a cold path. Two edits or the
   * long fields cost tens of milliseconds for little gain.)
   */
  Query fuzzy(List<QueryWord> words, Set<String> matched) throws IOException {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (QueryWord w : words) {
      String word = w.whole().get(0);
      if (word.length() < 4 || word.startsWith(FinnishLuceneAnalyzer.CONCEPT_PREFIX)) {
        continue;
      }
      CompiledAutomaton near = FuzzyQuery.getFuzzyAutomaton(word, 1, 2, true);
      for (Map.Entry<String, Float> f : STORY_FIELDS.entrySet()) {
        Terms terms = MultiTerms.getTerms(reader, f.getKey());
        if (terms == null) {
          continue;
        }
        SynonymQuery.Builder any = new SynonymQuery.Builder(f.getKey());
        TermsEnum accepted = near.getTermsEnum(terms);
        int found = 0;
        for (BytesRef t = accepted.next(); t != null && found < MAX_FUZZY_TERMS; t = accepted.next()) {
          any.addTerm(new Term(f.getKey(), BytesRef.deepCopyOf(t)));
          matched.add(t.utf8ToString());
          found++;
        }
        if (found > 0) {
          all.add(new BoostQuery(any.build(), f.getValue()), BooleanClause.Occur.SHOULD);
        }
      }
    }
    return all.build();
  }

  /** The query restricted to the answers the filter keeps; unchanged when it keeps all. */
  static Query filtered(Query q, AnswerIndex.Filter filter) {
    if (filter.actor() == null && filter.event() == null) {
      return q;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
    if (filter.actor() != null) {
      b.add(new TermQuery(new Term(IndexBuilder.RELATED_ID, filter.actor())), BooleanClause.Occur.FILTER);
    }
    if (filter.event() != null) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      any.add(new TermQuery(new Term(IndexBuilder.RELATED_ID, filter.event())), BooleanClause.Occur.SHOULD);
      filter.eventItems().forEach(
          id -> any.add(new TermQuery(new Term(IndexBuilder.RELATED_ID, id)), BooleanClause.Occur.SHOULD));
      b.add(any.build(), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }
}
