package fi.viranomaisbotti.engine.impl;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fi.viranomaisbotti.engine.AnswerHit;
import fi.viranomaisbotti.engine.RelatedItem;
import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

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

  private final QueryAnalysis analysis;
  private final IndexBuilder.Built index;
  private final IndexSearcher searcher;
  private final QueryBuilder queries;
  private final PassageHighlighter highlighter;
  private final RelatedItems relatedItems;
  private final HitShaper shaper;
  private final Suggestions suggestions;
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
        id -> RelatedItems.kindOf(knowledge, id), CITIZEN_FIELDS);
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
    this(analyzer, answers, new RelatedItems(answers.values(), nameOf, kindOf), weights, null);
  }

  private AnswerIndex(
      Analyzer analyzer, Map<String, Answer> answers, RelatedItems relatedItems, Map<String, Float> weights,
      IndexBuilder.Built saved) {
    this.analysis = new QueryAnalysis(analyzer);
    this.citizenFields = Map.copyOf(weights);
    Map<String, Float> official = new LinkedHashMap<>(weights);
    official.put("notes", OFFICIAL_FIELDS.get("notes"));
    this.officialFields = Map.copyOf(official);
    this.relatedItems = relatedItems;
    this.index = saved != null ? saved : IndexBuilder.build(analyzer, answers, relatedItems);
    this.searcher = new IndexSearcher(index.reader());
    this.queries = new QueryBuilder(index.reader());
    this.highlighter =
        new PassageHighlighter(index.reader(), "text", new DistinctTermPassageScorer(), new MarkingFormatter(), 10_000);
    this.shaper = new HitShaper(relatedItems);
    this.suggestions = new Suggestions(answers.values());
  }

  /**
   * What an index of the knowledge is built from besides the analyzer: the answers, and the kind
   * and Finnish name of each item they are related to. Two snapshots with equal inputs give the
   * same index (the answers' order too, as it breaks ties between equal scores).
   */
  public static Object inputs(KnowledgeSnapshot knowledge) {
    Map<String, RelatedItem> related = new LinkedHashMap<>();
    knowledge.answers().values().forEach(a -> a.related().forEach(id -> related.computeIfAbsent(id,
        i -> new RelatedItem(i, RelatedItems.kindOf(knowledge, i), knowledge.item(i).map(x -> x.name().fi()).orElse("")))));
    return List.of(List.copyOf(knowledge.answers().values()), related);
  }

  /**
   * Opens an index that {@link #writeTo} saved for the same knowledge and analyzer, reading its
   * files into memory, so that searches run as on a freshly built one.
   *
   * @throws IOException if the files are not a readable index of exactly these answers
   */
  public static AnswerIndex open(Analyzer analyzer, KnowledgeSnapshot knowledge, Path saved) throws IOException {
    IndexBuilder.Built built = IndexBuilder.open(saved, knowledge.answers());
    try {
      return new AnswerIndex(analyzer, knowledge.answers(),
          new RelatedItems(knowledge.answers().values(), id -> knowledge.item(id).map(i -> i.name().fi()).orElse(""),
              id -> RelatedItems.kindOf(knowledge, id)),
          CITIZEN_FIELDS, built);
    } catch (RuntimeException e) {
      built.close();
      throw e;
    }
  }

  /** Writes the index's files into an empty directory, for {@link #open}. */
  public void writeTo(Path directory) throws IOException {
    IndexBuilder.write(index, directory);
  }

  /**
   * In how many answers any of the forms occurs, in the field where that count is largest. A
   * spelling suggestion is worth showing only when its forms find more than the word as written.
   */
  public int documentFrequency(Collection<String> forms) {
    int most = 0;
    try {
      for (String field : OFFICIAL_FIELDS.keySet()) {
        Terms terms = MultiTerms.getTerms(index.reader(), field);
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
    return index.reader().numDocs();
  }

  /**
   * The best answers for a query as callers see them, at most {@code limit}; official notes only
   * for officials.
   */
  public List<AnswerHit> hits(String query, Audience audience, int limit, Filter filter) {
    return search(query, audience, limit, filter).stream().map(r -> shaper.hit(r, audience)).toList();
  }

  /**
   * Answers related to a whole story, for a recommendation: no highlighting, which on a long
   * text costs more than the search itself. The hits of a story are remembered for this index
   * (see {@link #RELATED_CACHE_CHARACTERS}): the turns that answer a question search again with
   * the same words of the facts, and a story told again finds the same answers.
   */
  public List<AnswerHit> related(String story, int limit) {
    return relatedCache.get(new StoryQuery(story, limit), q -> {
      try {
        return run(analysis.words(q.story()), QueryBuilder.STORY_FIELDS, q.limit(), Filter.NONE, false).stream()
            .map(r -> shaper.hit(r, Audience.CITIZEN)).toList();
      } catch (IOException e) {
        throw new UncheckedIOException("Searching the in-memory answer index failed", e);
      }
    });
  }

  /**
   * Bound of the remembered stories' characters, each counted with {@link #ENTRY_OVERHEAD} more
   * for its hits (which refer to the index's answers, not copies): at most a few tens of
   * megabytes per index, thousands of stories.
   */
  static final int RELATED_CACHE_CHARACTERS = 8_000_000;

  private static final int ENTRY_OVERHEAD = 500;

  private record StoryQuery(String story, int limit) {}

  private final Cache<StoryQuery, List<AnswerHit>> relatedCache = Caffeine.newBuilder()
      .maximumWeight(RELATED_CACHE_CHARACTERS)
      .weigher((StoryQuery q, List<AnswerHit> hits) -> q.story().length() + ENTRY_OVERHEAD)
      .build();

  /**
   * Searches with a filter, highlighting the best passage. When the analysed query finds
   * nothing, fuzzy matching on the words as written is tried, so that a typo Voikko cannot
   * correct still finds something.
   */
  public List<Result> search(String query, Audience audience, int limit, Filter filter) {
    List<QueryWord> words = analysis.words(query);
    if (words.isEmpty()) {
      return List.of();
    }
    try {
      return run(words, audience == Audience.OFFICIAL ? officialFields : citizenFields, limit, filter, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Searching the in-memory answer index failed", e);
    }
  }

  private List<Result> run(
      List<QueryWord> words, Map<String, Float> fields, int limit, Filter filter, boolean highlight)
      throws IOException {
    if (words.isEmpty()) {
      return List.of();
    }
    words = QueryBuilder.bounded(words, fields.size());
    Query main = QueryBuilder.filtered(queries.exact(words, fields), filter);
    TopDocs top = top(main, limit);
    Set<String> marked = new LinkedHashSet<>();
    words.forEach(w -> marked.addAll(w.all()));
    if (top.scoreDocs.length == 0) {
      marked.clear();
      main = QueryBuilder.filtered(queries.fuzzy(words, marked), filter);
      top = top(main, limit);
    }
    Answer[] byDoc = index.byDoc();
    String[] passages = top.scoreDocs.length == 0 || !highlight
        ? new String[top.scoreDocs.length]
        : highlighter.highlight(marked, top.scoreDocs, doc -> byDoc[doc].citizenText());
    List<Result> out = new ArrayList<>();
    for (int i = 0; i < top.scoreDocs.length; i++) {
      ScoreDoc sd = top.scoreDocs[i];
      out.add(HitShaper.result(byDoc[sd.doc], sd.score, passages[i]));
    }
    return out;
  }

  /**
   * The best hits without counting every match: with the total-hits threshold at the limit,
   * Lucene can skip blocks that cannot reach the top (the hit count is not shown anywhere).
   */
  private TopDocs top(Query q, int limit) throws IOException {
    return searcher.search(q, new TopScoreDocCollectorManager(limit, limit));
  }

  /** The items an answer is related to, with kind and name, in the order of its related ids. */
  public List<RelatedItem> relatedItems(Answer a) {
    return relatedItems.of(a);
  }

  /**
   * Keywords and titles that start with the prefix or have a word starting with it, for the
   * adviser console's search box; at most {@code limit}.
   */
  public List<String> suggest(String prefix, int limit) {
    return suggestions.suggest(prefix, limit);
  }

  @Override
  public void close() {
    index.close();
  }
}
