package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.engine.AnswerHit;
import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.Audience;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SynonymQuery;

/**
 * The answer base in an in-memory Lucene index, analysed with the chat's Finnish pipeline. Built
 * once per knowledge snapshot and then read-only. Thread-safe.
 */
public final class AnswerIndex implements AutoCloseable {
  private static final Map<String, Float> CITIZEN_FIELDS =
      Map.of("title", 3f, "questions", 2.5f, "keywords", 2f, "text", 1f);
  private static final Map<String, Float> OFFICIAL_FIELDS =
      Map.of("title", 3f, "questions", 2.5f, "keywords", 2f, "text", 1f, "notes", 0.7f);

  private final Analyzer analyzer;
  private final ByteBuffersDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Map<String, Answer> answers;

  public AnswerIndex(Analyzer analyzer, Map<String, Answer> answers) {
    this.analyzer = analyzer;
    this.answers = Map.copyOf(answers);
    this.directory = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (Answer a : answers.values()) {
        w.addDocument(document(a));
      }
      w.commit();
      this.reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Building the in-memory answer index failed", e);
    }
    this.searcher = new IndexSearcher(reader);
  }

  private static Document document(Answer a) {
    Document d = new Document();
    d.add(new StringField("id", a.id(), Field.Store.YES));
    d.add(new TextField("title", a.name().fi(), Field.Store.NO));
    d.add(new TextField("questions", String.join("\n", a.questions()), Field.Store.NO));
    d.add(new TextField("keywords", String.join("\n", a.keywords()), Field.Store.NO));
    d.add(new TextField("text", a.citizenText(), Field.Store.NO));
    d.add(new TextField("notes", a.officialNotes() == null ? "" : a.officialNotes(), Field.Store.NO));
    return d;
  }

  public int size() {
    return reader.numDocs();
  }

  /** The best answers for a query, at most {@code limit}; official notes only for officials. */
  public List<AnswerHit> search(String query, Audience audience, int limit) {
    Query q = query(query, audience);
    if (q == null) {
      return List.of();
    }
    try {
      List<AnswerHit> hits = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(q, limit).scoreDocs) {
        String id = searcher.storedFields().document(sd.doc).get("id");
        hits.add(hit(answers.get(id), sd.score, audience));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException("Searching the in-memory answer index failed", e);
    }
  }

  /**
   * Analyses the query once and asks every field for the same positions: each position matches
   * any of its forms (the word, its lemmas, its compound parts), weighted per field.
   */
  private Query query(String text, Audience audience) {
    List<List<String>> positions = analyse(text);
    if (positions.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (Map.Entry<String, Float> f : (audience == Audience.OFFICIAL ? OFFICIAL_FIELDS : CITIZEN_FIELDS).entrySet()) {
      BooleanQuery.Builder field = new BooleanQuery.Builder();
      for (List<String> forms : positions) {
        SynonymQuery.Builder any = new SynonymQuery.Builder(f.getKey());
        forms.forEach(form -> any.addTerm(new Term(f.getKey(), form)));
        field.add(any.build(), BooleanClause.Occur.SHOULD);
      }
      all.add(new BoostQuery(field.build(), f.getValue()), BooleanClause.Occur.SHOULD);
    }
    return all.build();
  }

  private List<List<String>> analyse(String text) {
    List<List<String>> positions = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("query", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() > 0 || positions.isEmpty()) {
          positions.add(new ArrayList<>());
        }
        List<String> forms = positions.get(positions.size() - 1);
        if (!forms.contains(term.toString())) {
          forms.add(term.toString());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Analysing the query failed", e);
    }
    return positions;
  }

  static AnswerHit hit(Answer a, float score, Audience audience) {
    return new AnswerHit(
        a.id(),
        a.name().fi(),
        snippet(a.citizenText()),
        score,
        a.citizenText(),
        audience == Audience.OFFICIAL ? a.officialNotes() : null,
        a.related(),
        a.meta().source(),
        a.meta().status().name().toLowerCase(java.util.Locale.ROOT));
  }

  static String snippet(String text) {
    String t = text.strip();
    if (t.length() <= 200) {
      return t;
    }
    int cut = t.lastIndexOf(' ', 200);
    return t.substring(0, cut > 100 ? cut : 200) + " …";
  }

  public Collection<Answer> answers() {
    return answers.values();
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
