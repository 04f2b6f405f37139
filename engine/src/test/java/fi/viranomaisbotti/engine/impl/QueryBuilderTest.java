package fi.viranomaisbotti.engine.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Query construction from hand-made word forms over a tiny index of whitespace-separated terms: no Voikko. */
class QueryBuilderTest {
  private static ByteBuffersDirectory directory;
  private static DirectoryReader reader;
  private static QueryBuilder builder;

  /** "anniskeluluvat" as the Finnish analysis gives it: as written, lemma, concept; parts anniskelu + lupa. */
  private static final QueryWord ANNISKELULUVAT =
      new QueryWord(List.of("anniskeluluvat", "anniskelulupa", "#alkoholi"), List.of("anniskelu", "lupa"));

  @BeforeAll
  static void indexTwoAnswers() throws IOException {
    directory = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      w.addDocument(answer("anniskelulupa", "anniskelulupa #alkoholi", "miten haen anniskelulupa lupa"));
      w.addDocument(answer("elintarvikeilmoitus", "elintarvikeilmoitus", "teenkö ilmoitus #ruoka"));
    }
    reader = DirectoryReader.open(directory);
    builder = new QueryBuilder(reader);
  }

  private static Document answer(String id, String title, String questions) {
    Document d = new Document();
    d.add(new StringField("id", id, Field.Store.YES));
    d.add(new TextField("title", title, Field.Store.NO));
    d.add(new TextField("questions", questions, Field.Store.NO));
    d.add(new StringField(IndexBuilder.RELATED_ID, id.equals("anniskelulupa") ? "aluehallintovirasto" : "kunta", Field.Store.NO));
    return d;
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  private static Map<String, Float> fields(Object... nameAndWeight) {
    Map<String, Float> out = new LinkedHashMap<>();
    for (int i = 0; i < nameAndWeight.length; i += 2) {
      out.put((String) nameAndWeight[i], (Float) nameAndWeight[i + 1]);
    }
    return out;
  }

  /** A clause as "field weight [terms]" for readable assertions (a synonym query sorts its terms). */
  private static String describe(BooleanClause c) {
    assertThat(c.getOccur()).isEqualTo(BooleanClause.Occur.SHOULD);
    BoostQuery boost = (BoostQuery) c.getQuery();
    SynonymQuery synonyms = (SynonymQuery) boost.getQuery();
    return synonyms.getField() + " " + boost.getBoost() + " " + synonyms.getTerms().stream().map(Term::text).toList();
  }

  private static List<String> clauses(Query q) {
    return ((BooleanQuery) q).clauses().stream().map(QueryBuilderTest::describe).toList();
  }

  @Test
  void theWholeWordIsOneSynonymQueryOfTheFormsTheFieldHasAndEachPartItsOwnHalfWeightClause() throws IOException {
    Query q = builder.exact(List.of(ANNISKELULUVAT), fields("title", 2f, "questions", 3.5f));

    assertThat(clauses(q)).containsExactly(
        "title 2.0 [#alkoholi, anniskelulupa]",
        "questions 3.5 [anniskelulupa]",
        "questions 1.75 [lupa]");
  }

  @Test
  void partWeightIsHalfTheFieldWeight() {
    assertThat(QueryBuilder.PART_WEIGHT).isEqualTo(0.5f);
  }

  @Test
  void aWordNoFieldHasAndAFieldTheIndexLacksAddNoClauses() throws IOException {
    QueryWord tuntematon = new QueryWord(List.of("kissanristiäiset"), List.of("kissa", "ristiäiset"));

    Query q = builder.exact(List.of(tuntematon), fields("title", 2f, "notes", 0.7f));

    assertThat(((BooleanQuery) q).clauses()).isEmpty();
  }

  @Test
  void everyWordOfTheQueryAddsItsClausesInTheOrderOfTheFields() throws IOException {
    QueryWord ilmoituksen = new QueryWord(List.of("ilmoituksen", "ilmoitus"), List.of());

    Query q = builder.exact(List.of(ANNISKELULUVAT, ilmoituksen), fields("questions", 1f));

    assertThat(clauses(q)).containsExactly(
        "questions 1.0 [anniskelulupa]", "questions 0.5 [lupa]", "questions 1.0 [ilmoitus]");
  }

  @Test
  void repeatedWordsOfALongStoryCountOnce() {
    QueryWord lupa = new QueryWord(List.of("lupa"), List.of());

    assertThat(QueryBuilder.bounded(List.of(lupa, ANNISKELULUVAT, new QueryWord(List.of("lupa"), List.of())), 5))
        .containsExactly(lupa, ANNISKELULUVAT);
  }

  @Test
  void theFuzzyFallbackFindsAWordOneEditAwayInTheShortFieldsAndRemembersItForHighlighting() throws IOException {
    QueryWord typo = new QueryWord(List.of("anniskelulpa"), List.of());
    Set<String> matched = new LinkedHashSet<>();

    Query q = builder.fuzzy(List.of(typo), matched);

    assertThat(matched).containsExactly("anniskelulupa");
    assertThat(clauses(q)).containsExactlyInAnyOrder(
        "title 2.0 [anniskelulupa]", "questions 3.5 [anniskelulupa]");
  }

  @Test
  void theFuzzyFallbackSkipsShortWordsAndConcepts() throws IOException {
    Set<String> matched = new LinkedHashSet<>();

    Query q = builder.fuzzy(List.of(new QueryWord(List.of("lpa"), List.of()),
        new QueryWord(List.of("#alkoholi"), List.of())), matched);

    assertThat(((BooleanQuery) q).clauses()).isEmpty();
    assertThat(matched).isEmpty();
  }

  @Test
  void anEventFilterKeepsAnswersRelatedToTheEventOrToAnyItemItBrings() {
    Query main = new TermQuery(new Term("title", "lupa"));

    BooleanQuery q = (BooleanQuery) QueryBuilder.filtered(
        main, new AnswerIndex.Filter(null, "ravintolan-perustaminen", Set.of("anniskelulupa")));

    assertThat(q.clauses()).hasSize(2);
    assertThat(q.clauses().get(0).getQuery()).isEqualTo(main);
    assertThat(q.clauses().get(0).getOccur()).isEqualTo(BooleanClause.Occur.MUST);
    assertThat(q.clauses().get(1).getOccur()).isEqualTo(BooleanClause.Occur.FILTER);
    assertThat(((BooleanQuery) q.clauses().get(1).getQuery()).clauses())
        .extracting(c -> ((TermQuery) c.getQuery()).getTerm().text())
        .containsExactlyInAnyOrder("ravintolan-perustaminen", "anniskelulupa");
  }

  @Test
  void noFilterLeavesTheQueryAsItIs() {
    Query main = new TermQuery(new Term("title", "lupa"));

    assertThat(QueryBuilder.filtered(main, AnswerIndex.Filter.NONE)).isSameAs(main);
  }
}
