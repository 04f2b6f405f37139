package fi.viranomaisbotti.knowledge;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable, validated version of the whole knowledge base. Item ids are unique across all
 * kinds, so a rule or an answer can refer to any item by id alone. Thread-safe: nothing in it
 * changes after loading.
 *
 * @param version short id derived from the content hash
 * @param contentHash SHA-256 over every corpus file's path and content
 * @param ruleExamples each rule's worked examples, from {@code rules/*.examples.yaml}
 */
public record KnowledgeSnapshot(
    String version,
    String contentHash,
    Instant loadedAt,
    Map<String, Actor> actors,
    Map<String, Obligation> obligations,
    Map<String, Service> services,
    Map<String, LifeEvent> events,
    Map<String, Answer> answers,
    Map<String, Concept> concepts,
    Map<String, Question> questions,
    List<RuleFile> rules,
    List<RuleExample> ruleExamples,
    List<Situation> situations,
    List<EventExamples> examples,
    List<SearchJudgment> judgments,
    Map<String, Municipality> municipalities,
    java.util.Set<String> ptvCodes,
    List<Problem> warnings) {

  public KnowledgeSnapshot {
    actors = frozen(actors);
    obligations = frozen(obligations);
    services = frozen(services);
    events = frozen(events);
    answers = frozen(answers);
    concepts = frozen(concepts);
    questions = frozen(questions);
    rules = List.copyOf(rules);
    ruleExamples = List.copyOf(ruleExamples);
    situations = List.copyOf(situations);
    examples = List.copyOf(examples);
    judgments = List.copyOf(judgments);
    municipalities = frozen(municipalities);
    ptvCodes = java.util.Set.copyOf(ptvCodes);
    warnings = List.copyOf(warnings);
  }

  private static <T> Map<String, T> frozen(Map<String, T> in) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(in));
  }

  /** Any item by id, whatever its kind. */
  public Optional<Item> item(String id) {
    for (Map<String, ? extends Item> m :
        List.of(actors, obligations, services, events, answers, concepts, questions)) {
      Item i = m.get(id);
      if (i != null) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /**
   * A municipality by its code ("091") or its Finnish or Swedish name in any case ("Helsinki",
   * "helsingfors"), also without ä, ö and å ("Seinajoki").
   */
  public Optional<Municipality> municipality(String codeOrName) {
    String key = codeOrName.strip();
    Municipality byCode = municipalities.get(key);
    if (byCode != null) {
      return Optional.of(byCode);
    }
    String lower = key.toLowerCase(java.util.Locale.ROOT);
    Optional<Municipality> exact = municipalities.values().stream()
        .filter(m -> m.name().fi().toLowerCase(java.util.Locale.ROOT).equals(lower)
            || m.name().in("sv").toLowerCase(java.util.Locale.ROOT).equals(lower))
        .findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    // Written without ä, ö or å ("Seinajoki"), when that names one municipality only.
    String folded = withoutDiacritics(lower);
    List<Municipality> near = municipalities.values().stream()
        .filter(m -> withoutDiacritics(m.name().fi().toLowerCase(java.util.Locale.ROOT)).equals(folded)
            || withoutDiacritics(m.name().in("sv").toLowerCase(java.util.Locale.ROOT)).equals(folded))
        .toList();
    return near.size() == 1 ? Optional.of(near.get(0)) : Optional.empty();
  }

  /** Text with ä, ö and å written as a, o and a, as on a keyboard without them. */
  public static String withoutDiacritics(String text) {
    return text.replace('ä', 'a').replace('ö', 'o').replace('å', 'a')
        .replace('Ä', 'A').replace('Ö', 'O').replace('Å', 'A');
  }

  /** The question that settles a concept, if the corpus has one. */
  public Optional<Question> questionFor(String conceptId) {
    return questions.values().stream().filter(q -> q.concept().equals(conceptId)).findFirst();
  }

  /** Follows successor links from an actor to the one active now (at most 10 steps). */
  public Actor current(String actorId) {
    Actor a = actors.get(actorId);
    for (int i = 0; a != null && a.successor() != null && i < 10; i++) {
      a = actors.get(a.successor());
    }
    return a;
  }

  public int size() {
    return actors.size()
        + obligations.size()
        + services.size()
        + events.size()
        + answers.size()
        + concepts.size()
        + questions.size();
  }

  /** Counts per kind, for health and statistics. */
  public Map<String, Integer> counts() {
    Map<String, Integer> c = new java.util.LinkedHashMap<>();
    c.put("actors", actors.size());
    c.put("obligations", obligations.size());
    c.put("services", services.size());
    c.put("events", events.size());
    c.put("answers", answers.size());
    c.put("concepts", concepts.size());
    c.put("questions", questions.size());
    c.put("rules", rules.size());
    c.put("ruleExamples", ruleExamples.size());
    c.put("situations", situations.size());
    c.put("municipalities", municipalities.size());
    return c;
  }

  public Collection<Item> allItems() {
    List<Item> all = new java.util.ArrayList<>();
    all.addAll(actors.values());
    all.addAll(obligations.values());
    all.addAll(services.values());
    all.addAll(events.values());
    all.addAll(answers.values());
    all.addAll(concepts.values());
    all.addAll(questions.values());
    return all;
  }
}
