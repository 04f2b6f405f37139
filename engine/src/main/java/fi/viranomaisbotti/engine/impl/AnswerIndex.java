package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.engine.AnswerHit;
import fi.viranomaisbotti.engine.RelatedItem;
import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * The answer base in an in-memory Lucene index, analysed with the chat's Finnish pipeline (or,
 * for comparison, any other analyzer). Built once per knowledge snapshot and then read-only.
 * Thread-safe.
 */
public final class AnswerIndex implements AutoCloseable {
  /** Field weights; chosen by grid search on half of the search judgments (docs/search-evaluation.md). */
  public static final Map<String, Float> CITIZEN_FIELDS =
      Map.of("title", 2f, "questions", 3.5f, "keywords", 2f, "related", 1.5f, "text", 1.5f);

  static final Map<String, Float> OFFICIAL_FIELDS =
      Map.of("title", 2f, "questions", 3.5f, "keywords", 2f, "related", 1.5f, "text", 1.5f, "notes", 0.7f);

  /**
   * Weight of a match on one of a compound's parts relative to a match on the whole word. Chosen
   * on the 311 judgments of 2026-11-22 (docs/search-evaluation.md): with all parts in one synonym
   * query, 0.7 was best (nDCG@5 0.944); with each part its own clause, as now, 0.25 / 0.35 / 0.5 /
   * 0.7 gave 0.944 / 0.945 / 0.945 / 0.941, and 0.5 the best MRR (0.964) and recall@10 (0.933).
   */
  static final float PART_WEIGHT = 0.5f;

  /**
   * Fields a whole story is matched against for the answers shown with a recommendation: the
   * short fields only, since a long story matches every long text a little.
   */
  static final Map<String, Float> STORY_FIELDS = Map.of("title", 2f, "questions", 3.5f, "keywords", 2f);

  /** At most this many near spellings of one word, per field, in the fuzzy fallback. */
  private static final int MAX_FUZZY_TERMS = 50;

  private static final FieldType INDEXED_TEXT = indexedText();

  private final Analyzer analyzer;
  private final ByteBuffersDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final PassageHighlighter highlighter;
  private final Map<String, Answer> answers;
  /** The answer of each document, by the index's document number: no stored-field reads per hit. */
  private final Answer[] byDoc;
  private final Map<String, RelatedItem> relatedItems;
  private final List<String> suggestions;
  private final Map<String, Float> citizenFields;
  private final Map<String, Float> officialFields;

  /**
   * Filters on an answer's related items. Null fields do not filter. An event filter keeps the
   * answers related to the event or to any of {@code eventItems} (the obligations and services
   * the event brings), since an answer is usually related to the permit it explains, not to every
   * event that needs that permit.
   */
  public record Filter(String actor, String event, Set<String> eventItems) {
    public static final Filter NONE = new Filter(null, null);

    public Filter {
      eventItems = eventItems == null ? Set.of() : Set.copyOf(eventItems);
    }

    public Filter(String actor, String event) {
      this(actor, event, Set.of());
    }
  }

  /** One result with its highlighted passage. */
  public record Result(Answer answer, float score, String snippet, List<int[]> highlights) {}

  public AnswerIndex(Analyzer analyzer, KnowledgeSnapshot knowledge) {
    this(analyzer, knowledge.answers(), id -> knowledge.item(id).map(i -> i.name().fi()).orElse(""),
        id -> kindOf(knowledge, id), CITIZEN_FIELDS);
  }

  private static String kindOf(KnowledgeSnapshot k, String id) {
    if (k.actors().containsKey(id)) {
      return "actor";
    } else if (k.obligations().containsKey(id)) {
      return "obligation";
    } else if (k.services().containsKey(id)) {
      return "service";
    } else if (k.events().containsKey(id)) {
      return "event";
    } else if (k.answers().containsKey(id)) {
      return "answer";
    }
    return "item";
  }

  /**
   * Indexes answers; {@code nameOf} gives the Finnish name of a related item, so that "Mela"
   * finds the answers related to Mela's insurance.
   */
  public AnswerIndex(Analyzer analyzer, Map<String, Answer> answers, Function<String, String> nameOf) {
    this(analyzer, answers, nameOf, CITIZEN_FIELDS);
  }

  /**
   * Indexes answers with given field weights for citizens' queries (officials' queries add the
   * official notes); used to tune the weights on the judgments.
   */
  public AnswerIndex(
      Analyzer analyzer, Map<String, Answer> answers, Function<String, String> nameOf, Map<String, Float> weights) {
    this(analyzer, answers, nameOf, id -> "item", weights);
  }

  private AnswerIndex(
      Analyzer analyzer,
      Map<String, Answer> answers,
      Function<String, String> nameOf,
      Function<String, String> kindOf,
      Map<String, Float> weights) {
    this.analyzer = analyzer;
    this.citizenFields = Map.copyOf(weights);
    Map<String, Float> official = new LinkedHashMap<>(weights);
    official.put("notes", OFFICIAL_FIELDS.get("notes"));
    this.officialFields = Map.copyOf(official);
    this.answers = Map.copyOf(answers);
    Map<String, RelatedItem> related = new LinkedHashMap<>();
    answers.values().forEach(a -> a.related().forEach(
        r -> related.computeIfAbsent(r, id -> new RelatedItem(id, kindOf.apply(id), nameOf.apply(id)))));
    this.relatedItems = Map.copyOf(related);
    // Each file in one buffer: every term lookup clones its input, and a clone of a file kept in
    // many small buffers copies the whole buffer list (clone and slice were 16 % of the execution
    // samples of a query at 100,000 documents, JFR).
    this.directory = new ByteBuffersDirectory(
        new SingleInstanceLockFactory(), ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    // One segment: each query term is looked up once instead of once per segment, and top-k
    // skipping works over the whole index (docs/benchmarks.md: with the nine segments of the
    // default settings a query took p50 3.9 ms at 100,000 documents, with one segment and the
    // other changes there 1.0 ms). A large buffer, at most an eighth of the heap, flushes the
    // index once; the merge only runs if it did not fit.
    double bufferMb = Math.min(1024, Runtime.getRuntime().maxMemory() / 8.0 / (1 << 20));
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(Math.max(16, bufferMb));
    try (IndexWriter w = new IndexWriter(directory, config)) {
      for (Answer a : answers.values()) {
        w.addDocument(document(a));
      }
      w.forceMerge(1);
      w.commit();
      this.reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Building the in-memory answer index failed", e);
    }
    this.searcher = new IndexSearcher(reader);
    this.byDoc = answersByDoc(reader, this.answers);
    this.highlighter =
        new PassageHighlighter(reader, "text", new DistinctTermPassageScorer(), new MarkingFormatter(), 10_000);
    this.suggestions = suggestionsOf(answers.values());
  }

  private static Answer[] answersByDoc(DirectoryReader reader, Map<String, Answer> answers) {
    Answer[] out = new Answer[reader.maxDoc()];
    try {
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < out.length; doc++) {
        out[doc] = answers.get(stored.document(doc).get("id"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the in-memory answer index failed", e);
    }
    return out;
  }

  private static FieldType indexedText() {
    FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  private Document document(Answer a) {
    Document d = new Document();
    d.add(new StringField("id", a.id(), Field.Store.YES));
    d.add(new TextField("title", a.name().fi(), Field.Store.NO));
    d.add(new TextField("questions", String.join("\n", a.questions()), Field.Store.NO));
    d.add(new TextField("keywords", String.join("\n", a.keywords()), Field.Store.NO));
    d.add(new Field("text", a.citizenText(), INDEXED_TEXT));
    d.add(new TextField("notes", a.officialNotes() == null ? "" : a.officialNotes(), Field.Store.NO));
    d.add(new TextField("related", String.join("\n", a.related().stream().map(r -> relatedItems.get(r).name()).toList()), Field.Store.NO));
    for (String r : a.related()) {
      d.add(new StringField("rel", r, Field.Store.NO));
    }
    return d;
  }

  /**
   * In how many answers any of the forms occurs, in the field where that count is largest. A
   * spelling suggestion is worth showing only when its forms find more than the word as written.
   */
  public int documentFrequency(Collection<String> forms) {
    int most = 0;
    try {
      for (String field : OFFICIAL_FIELDS.keySet()) {
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
          continue;
        }
        TermsEnum present = terms.iterator();
        for (String form : forms) {
          if (present.seekExact(new BytesRef(form))) {
            most = Math.max(most, present.docFreq());
          }
        }
      }
      return most;
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the in-memory answer index failed", e);
    }
  }

  public int size() {
    return reader.numDocs();
  }

  /** The best answers for a query, at most {@code limit}; official notes only for officials. */
  public List<AnswerHit> search(String query, Audience audience, int limit) {
    return search(query, audience, limit, Filter.NONE).stream().map(r -> hit(r, audience)).toList();
  }

  /**
   * Answers related to a whole story, for a recommendation: no highlighting, which on a long
   * text costs more than the search itself.
   */
  public List<AnswerHit> related(String story, int limit) {
    try {
      return run(analyse(story), STORY_FIELDS, limit, Filter.NONE, false).stream()
          .map(r -> hit(r, Audience.CITIZEN)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Searching the in-memory answer index failed", e);
    }
  }

  /**
   * Searches with a filter, highlighting the best passage. When the analysed query finds
   * nothing, fuzzy matching on the words as written is tried, so that a typo Voikko cannot
   * correct still finds something.
   */
  public List<Result> search(String query, Audience audience, int limit, Filter filter) {
    List<Position> positions = analyse(query);
    if (positions.isEmpty()) {
      return List.of();
    }
    try {
      return run(positions, audience == Audience.OFFICIAL ? officialFields : citizenFields, limit, filter, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Searching the in-memory answer index failed", e);
    }
  }

  private List<Result> run(
      List<Position> positions, Map<String, Float> fields, int limit, Filter filter, boolean highlight)
      throws IOException {
    if (positions.isEmpty()) {
      return List.of();
    }
    positions = bounded(positions, fields.size());
    Query main = filtered(exact(positions, fields), filter);
    TopDocs top = top(main, limit);
    Set<String> marked = new LinkedHashSet<>();
    positions.forEach(p -> marked.addAll(p.all()));
    if (top.scoreDocs.length == 0) {
      marked.clear();
      main = filtered(fuzzy(positions, marked), filter);
      top = top(main, limit);
    }
    String[] passages = top.scoreDocs.length == 0 || !highlight
        ? new String[top.scoreDocs.length]
        : highlighter.highlight(marked, top.scoreDocs, doc -> byDoc[doc].citizenText());
    List<Result> out = new ArrayList<>();
    for (int i = 0; i < top.scoreDocs.length; i++) {
      ScoreDoc sd = top.scoreDocs[i];
      Answer a = byDoc[sd.doc];
      out.add(result(a, sd.score, passages[i]));
    }
    return out;
  }

  /**
   * The positions of a long text without repeats, and no more than Lucene's clause limit allows
   * (two clauses per position and field): a 10,000-character story would otherwise exceed it.
   */
  private static List<Position> bounded(List<Position> positions, int fields) {
    List<Position> distinct = new ArrayList<>(new LinkedHashSet<>(positions));
    int max = IndexSearcher.getMaxClauseCount() / (2 * fields);
    return distinct.size() <= max ? distinct : distinct.subList(0, max);
  }

  /**
   * The best hits without counting every match: with the total-hits threshold at the limit,
   * Lucene can skip blocks that cannot reach the top (the hit count is not shown anywhere).
   */
  private TopDocs top(Query q, int limit) throws IOException {
    return searcher.search(q, new TopScoreDocCollectorManager(limit, limit));
  }

  /**
   * Per field and query position, one synonym query over the whole word's forms (as written,
   * lemmas, stem, its concepts) and one clause, weighted down, for each compound part: a synonym
   * query scores its terms as one term as common as the commonest of them, so parts stacked with
   * the whole word would give "vähittäismyyntilupa" the weight of "lupa", and "arpajainen" stacked
   * with "lupa" in "arpajaislupa" would be as common as "lupa". Forms the
   * field does not have are left out before Lucene builds its weights: each term Lucene looks up
   * opens a new terms enumeration, while here one per field is reused, and a missing term adds
   * nothing to a synonym query's score (this halved the bytes a query allocated at 100,000
   * documents).
   */
  private Query exact(List<Position> positions, Map<String, Float> fields) throws IOException {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (Map.Entry<String, Float> f : fields.entrySet()) {
      Terms terms = MultiTerms.getTerms(reader, f.getKey());
      if (terms == null) {
        continue;
      }
      TermsEnum present = terms.iterator();
      for (Position p : positions) {
        addPresent(all, present, f.getKey(), p.whole(), f.getValue());
        for (String part : p.parts()) {
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
   * two letters kept), in the short fields only. The edit automaton is built once per word and
   * run over each field's terms; the terms it accepts form one synonym query per field. (Lucene's
   * FuzzyQuery builds the automaton again for every field: 5 ms for a two-word query on a cold
   * path. Two edits or the long fields cost tens of milliseconds for little gain.)
   */
  private Query fuzzy(List<Position> positions, Set<String> matched) throws IOException {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (Position p : positions) {
      String word = p.whole().get(0);
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

  private static Query filtered(Query q, Filter filter) {
    if (filter.actor() == null && filter.event() == null) {
      return q;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
    if (filter.actor() != null) {
      b.add(new TermQuery(new Term("rel", filter.actor())), BooleanClause.Occur.FILTER);
    }
    if (filter.event() != null) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      any.add(new TermQuery(new Term("rel", filter.event())), BooleanClause.Occur.SHOULD);
      filter.eventItems().forEach(id -> any.add(new TermQuery(new Term("rel", id)), BooleanClause.Occur.SHOULD));
      b.add(any.build(), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }


  /** One word of a query: the whole word's forms, written form first, and its parts' forms. */
  private record Position(List<String> whole, List<String> parts) {
    List<String> all() {
      List<String> out = new ArrayList<>(whole);
      out.addAll(parts);
      return out;
    }
  }

  /** The query as positions, each with its forms by the type the analyzer gave them. */
  private List<Position> analyse(String text) {
    List<Position> positions = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("query", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() > 0 || positions.isEmpty()) {
          positions.add(new Position(new ArrayList<>(), new ArrayList<>()));
        }
        Position p = positions.get(positions.size() - 1);
        String form = term.toString();
        // Another analyzer's tokens (the comparison baselines) have other types: the whole word.
        List<String> into = FinnishLuceneAnalyzer.PART.equals(type.type()) ? p.parts() : p.whole();
        if (!p.whole().contains(form) && !p.parts().contains(form)) {
          into.add(form);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Analysing the query failed", e);
    }
    return positions;
  }

  private static Result result(Answer a, float score, String marked) {
    if (marked == null || marked.isBlank()) {
      return new Result(a, score, snippet(a.citizenText()), List.of());
    }
    List<int[]> marks = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < marked.length()) {
      int open = marked.indexOf(MarkingFormatter.OPEN, i);
      if (open < 0) {
        plain.append(marked, i, marked.length());
        break;
      }
      int close = marked.indexOf(MarkingFormatter.CLOSE, open);
      plain.append(marked, i, open);
      int start = plain.length();
      plain.append(marked, open + 1, close);
      marks.add(new int[] {start, plain.length()});
      i = close + 1;
    }
    return new Result(a, score, plain.toString().strip(), marks);
  }

  /** The items an answer is related to, with kind and name, in the order of its related ids. */
  public List<RelatedItem> relatedItems(Answer a) {
    return a.related().stream()
        .map(id -> relatedItems.getOrDefault(id, new RelatedItem(id, "item", "")))
        .toList();
  }

  public AnswerHit hit(Result r, Audience audience) {
    Answer a = r.answer();
    return new AnswerHit(
        a.id(),
        a.name().fi(),
        r.snippet(),
        r.score(),
        a.citizenText(),
        audience == Audience.OFFICIAL ? a.officialNotes() : null,
        a.related(),
        a.meta().source(),
        a.meta().status().name().toLowerCase(Locale.ROOT),
        r.highlights(),
        relatedItems(a));
  }

  static String snippet(String text) {
    String t = text.strip();
    if (t.length() <= 200) {
      return t;
    }
    int cut = t.lastIndexOf(' ', 200);
    return t.substring(0, cut > 100 ? cut : 200) + " …";
  }

  /**
   * Titles, keywords and question variants that have a word starting with the prefix (ä, ö and å
   * may be written as a and o), those that start with it first, for the adviser console's search
   * box; at most {@code limit}.
   */
  public List<String> suggest(String prefix, int limit) {
    String typed = prefix.strip().toLowerCase(Locale.ROOT);
    if (typed.isEmpty()) {
      return List.of();
    }
    // A prefix written without ä, ö and å also matches them; one written with them matches only them.
    boolean fold = typed.equals(KnowledgeSnapshot.withoutDiacritics(typed));
    List<String> starting = new ArrayList<>();
    List<String> inside = new ArrayList<>();
    for (String s : suggestions) {
      String lower = s.toLowerCase(Locale.ROOT);
      if (fold) {
        lower = KnowledgeSnapshot.withoutDiacritics(lower);
      }
      if (lower.startsWith(typed)) {
        starting.add(s);
        if (starting.size() == limit) {
          break;
        }
      } else if (inside.size() < limit && lower.contains(" " + typed)) {
        inside.add(s);
      }
    }
    starting.addAll(inside);
    return List.copyOf(starting.subList(0, Math.min(limit, starting.size())));
  }


  private static List<String> suggestionsOf(Collection<Answer> answers) {
    TreeSet<String> keywords = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    TreeSet<String> titles = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Answer a : answers) {
      keywords.addAll(a.keywords());
      titles.add(a.name().fi());
    }
    List<String> out = new ArrayList<>(keywords);
    out.addAll(titles);
    return List.copyOf(out);
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
