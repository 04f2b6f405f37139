package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.engine.Recommendation.ClarifyingQuestion;
import fi.viranomaisbotti.engine.Recommendation.Contact;
import fi.viranomaisbotti.engine.Recommendation.Handling;
import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.engine.Recommendation.Place;
import fi.viranomaisbotti.engine.Recommendation.PlanStep;
import fi.viranomaisbotti.engine.Recommendation.Provision;
import fi.viranomaisbotti.nlp.EventSignal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Recommendation} in the lean shape of API v2: every item once, in a map by id per kind,
 * and the plan and questions referring to items by id. What the chat page shows is all there: a
 * plan step's name, type, why, certainty and lead time are its item's, its actor's name is the
 * name of the item's {@code actor} in {@code actors}, and a possible item's why in the full shape
 * is its why here, {@link Item#ONLY_IF}, and the {@code conceptQuestions} of its {@code dependsOn}
 * joined with {@link Item#OR}. Left out, as the full shape ({@code /api/v1/recommendations}) has
 * them: each reason (rule, statement, all the words), an obligation's kind and conditions, a
 * service's sector, an event's and an actor's source, an actor's type, status and why (the items
 * whose {@code actor} is its id), what was understood and the fact sources, and an answer's text
 * and related items. Fields without a value (null, an empty list, false) are null, so that JSON
 * leaves them out. The summary view keeps of each item its name, certainty, dependsOn, actor and
 * status, and leaves out the whys and the answers. The page view is what the chat page shows and
 * nothing else: the compact view with each item's kind, the fact sources and the misspellings
 * read, the customer's words of each why listed once in {@code words} (an item's {@code told}
 * holds their indexes; its why ends with {@link #TOLD} and those words, quoted and joined, in the
 * full shape), {@code status} only for drafts, and without the questions' whys and settled ids,
 * the event signals and the related answers, which the page does not show.
 *
 * @param lifeEvents id → event, in the full shape's order; likewise obligations, actors, services
 * @param conceptQuestions concept id → the question about it that ends the why of a possible item
 * @param questionAnswer as in the full shape: the answer to what the turn asked, in both views
 */
public record LeanRecommendation(
    String language,
    String knowledgeVersion,
    Map<String, Boolean> facts,
    Place municipality,
    List<EventSignal> eventSignals,
    Map<String, LeanItem> lifeEvents,
    Map<String, LeanItem> obligations,
    Map<String, LeanItem> actors,
    Map<String, LeanItem> services,
    List<ClarifyingQuestion> questions,
    Map<String, String> conceptQuestions,
    List<Step> plan,
    List<Answer> answers,
    List<String> notices,
    Recommendation.QuestionAnswer questionAnswer,
    List<String> words,
    List<Recommendation.Fact> factSources,
    List<fi.viranomaisbotti.nlp.Interpretation> interpretations) {

  /**
   * What comes between an item's statement and the customer's words in its full why; each word is
   * in {@code ”…”}, the words joined with {@code ", "}, and a full stop ends them.
   */
  public static final String TOLD = " Kerroit: ";

  /** How much of the recommendation the lean shape carries. */
  public enum View {
    /** Everything the chat page shows, each item once. */
    COMPACT,
    /** Items named and ordered, without explanations: for a list or a notification. */
    SUMMARY,
    /** What the chat page shows and nothing else, the customer's words listed once. */
    PAGE;

    /**
     * The view named by a request parameter ("compact", "summary" or "page", any case); null or
     * blank is compact.
     *
     * @throws BadInputException naming the value when it is neither
     */
    public static View of(String name) {
      if (name == null || name.isBlank()) {
        return COMPACT;
      }
      return switch (name.strip().toLowerCase(Locale.ROOT)) {
        case "compact" -> COMPACT;
        case "summary" -> SUMMARY;
        case "page" -> PAGE;
        default -> throw new BadInputException(
            "view must be 'compact', 'summary' or 'page', got '" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "'.");
      };
    }
  }

  /**
   * An item once, its fields as in the full shape's {@link Item}: obligations have actor,
   * legalBasis, leadTime, url and source; services actor, url and source; actors only name and url.
   */
  public record LeanItem(
      String name,
      String why,
      String certainty,
      List<String> dependsOn,
      String actor,
      String legalBasis,
      String leadTime,
      String url,
      String source,
      String status,
      String counterfactual,
      String kind,
      List<Integer> told) {}

  /**
   * A plan step by its item's id; the other fields as in {@link PlanStep}, with {@code after}
   * null when empty and {@code cycle}, {@code critical} null when false, and {@code timing} as in
   * {@link PlanStep}.
   */
  public record Step(int order, int stage, String id, String phase, List<String> after, String deadline, Boolean cycle,
      Boolean critical, fi.viranomaisbotti.knowledge.Timing timing) {}

  /** An answer found for the turn, without its text (at {@code /api/v1/answers/{id}}). */
  public record Answer(String id, String title, String snippet, float score, String source, String status) {}

  /** The recommendation in the given view. */
  public static LeanRecommendation of(Recommendation r, View view) {
    if (view == View.PAGE) {
      return page(r);
    }
    boolean compact = view == View.COMPACT;
    Map<String, String> questions = new LinkedHashMap<>();
    List<Step> plan = steps(r);
    return new LeanRecommendation(
        r.language(),
        r.knowledgeVersion(),
        r.facts(),
        r.municipality(),
        r.eventSignals(),
        items(r.lifeEvents(), compact, questions),
        items(r.obligations(), compact, questions),
        items(r.actors(), compact, questions),
        items(r.services(), compact, questions),
        r.questions(),
        compact && !questions.isEmpty() ? questions : null,
        plan,
        compact
            ? r.answers().stream().map(a -> new Answer(a.id(), a.title(), a.snippet(), a.score(), a.source(), a.status())).toList()
            : null,
        r.notices(),
        r.questionAnswer(),
        null,
        null,
        null);
  }

  private static LeanRecommendation page(Recommendation r) {
    Map<String, String> questions = new LinkedHashMap<>();
    Map<String, Integer> words = new LinkedHashMap<>();
    List<Step> plan = steps(r);
    List<ClarifyingQuestion> asked = r.questions().stream()
        .map(q -> new ClarifyingQuestion(q.id(), q.name(), null, q.concept(), q.type(), orNull(q.choices()), null))
        .toList();
    return new LeanRecommendation(
        r.language(),
        r.knowledgeVersion(),
        r.facts(),
        r.municipality(),
        null,
        page(r.lifeEvents(), questions, words),
        page(r.obligations(), questions, words),
        page(r.actors(), questions, words),
        page(r.services(), questions, words),
        asked,
        questions.isEmpty() ? null : questions,
        plan,
        null,
        r.notices(),
        r.questionAnswer(),
        words.isEmpty() ? null : List.copyOf(words.keySet()),
        orNull(r.factSources()),
        orNull(r.interpretations()));
  }

  private static Map<String, LeanItem> page(List<Item> items, Map<String, String> questions, Map<String, Integer> words) {
    Map<String, LeanItem> out = new LinkedHashMap<>();
    for (Item i : items) {
      LeanItem c = compact(i, questions);
      if (Item.ACTOR.equals(i.type())) {
        out.put(i.id(), c);
        continue;
      }
      String why = c.why();
      List<Integer> told = null;
      List<String> said = said(i);
      String suffix = said.isEmpty() ? null
          : TOLD + said.stream().map(w -> "”" + w + "”").collect(java.util.stream.Collectors.joining(", ")) + ".";
      if (suffix != null && why != null && why.endsWith(suffix)) {
        why = why.substring(0, why.length() - suffix.length());
        told = said.stream().map(w -> words.computeIfAbsent(w, k -> words.size())).toList();
      }
      String kind = i.details() instanceof Handling h ? h.kind() : i.details() instanceof Provision p ? p.kind() : null;
      out.put(i.id(), new LeanItem(c.name(), why, c.certainty(), c.dependsOn(), c.actor(), c.legalBasis(), c.leadTime(),
          c.url(), c.source(), "reviewed".equals(c.status()) ? null : c.status(), c.counterfactual(), kind, told));
    }
    return out;
  }

  /** The customer's words an item's why quotes: those of all its reasons, each once, at most four. */
  private static List<String> said(Item i) {
    java.util.Set<String> all = new java.util.LinkedHashSet<>();
    if (i.reasons() != null) {
      i.reasons().forEach(e -> all.addAll(e.evidence()));
    }
    return all.stream().limit(4).toList();
  }

  /** The plan's steps by their items' ids, with empty lists and false flags left out. */
  private static List<Step> steps(Recommendation r) {
    return r.plan().stream()
        .map(s -> new Step(s.order(), s.stage(), s.id(), s.phase(), orNull(s.after()), s.deadline(), s.cycle() ? true : null,
            s.critical() ? true : null, s.timing()))
        .toList();
  }

  private static Map<String, LeanItem> items(List<Item> items, boolean compact, Map<String, String> questions) {
    Map<String, LeanItem> out = new LinkedHashMap<>();
    for (Item i : items) {
      out.put(i.id(), compact ? compact(i, questions) : summary(i));
    }
    return out;
  }

  private static LeanItem compact(Item i, Map<String, String> questions) {
    if (Item.ACTOR.equals(i.type())) {
      return new LeanItem(i.name(), null, null, null, null, null, null, ((Contact) i.details()).url(), null, null, null, null, null);
    }
    String actor = null;
    String legalBasis = null;
    String leadTime = null;
    String url = null;
    if (i.details() instanceof Handling h) {
      actor = h.actor();
      legalBasis = h.legalBasis();
      leadTime = h.leadTime();
      url = h.url();
    } else if (i.details() instanceof Provision p) {
      actor = p.actor();
      url = p.url();
    }
    String source = Item.EVENT.equals(i.type()) ? null : i.source();
    return new LeanItem(i.name(), why(i, questions), i.certainty(), orNull(i.dependsOn()), actor, legalBasis, leadTime, url,
        source, i.status(), i.counterfactual(), null, null);
  }

  /**
   * The why without its closing questions when they are the questions about its dependsOn, each
   * concept with one question; they go to {@code questions} once. Otherwise the why as it is.
   */
  private static String why(Item i, Map<String, String> questions) {
    String why = i.why();
    int at = why.lastIndexOf(Item.ONLY_IF);
    if (at < 0 || i.dependsOn().isEmpty()) {
      return why;
    }
    List<String> asked = List.of(why.substring(at + Item.ONLY_IF.length()).split(java.util.regex.Pattern.quote(Item.OR), -1));
    if (asked.size() != i.dependsOn().size()) {
      return why;
    }
    Map<String, String> mine = new LinkedHashMap<>();
    for (int k = 0; k < asked.size(); k++) {
      String concept = i.dependsOn().get(k);
      String known = questions.getOrDefault(concept, mine.get(concept));
      if (known != null && !known.equals(asked.get(k))) {
        return why;
      }
      mine.put(concept, asked.get(k));
    }
    questions.putAll(mine);
    return why.substring(0, at);
  }

  private static LeanItem summary(Item i) {
    String actor = i.details() instanceof Handling h ? h.actor() : i.details() instanceof Provision p ? p.actor() : null;
    boolean isActor = Item.ACTOR.equals(i.type());
    return new LeanItem(i.name(), null, isActor ? null : i.certainty(), orNull(i.dependsOn()), actor, null, null, null, null,
        isActor ? null : i.status(), null, null, null);
  }

  private static <T> List<T> orNull(List<T> list) {
    return list == null || list.isEmpty() ? null : list;
  }
}
