package fi.viranomaisbotti.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The chat's short reply that goes with a recommendation, in Finnish or in the interface's language. Stateless. */
public final class ReplyText {
  private ReplyText() {}

  /** The words of the reply in one language; {@code %s} and {@code %d} as in {@link String#format}. */
  private record Words(String answered, String notAnswered, String nothingYet, String answerBelow, String noAnswer,
      String recognised, String mayConcern, String duties, String dutiesOne, String depends, String dependsOne, String planBelow,
      String askNext) {}

  private static final Map<String, Words> WORDS = Map.of(
      "sv", new Words(
          "Svaret på din fråga finns nedan (på finska). Berätta också om din situation, så gör jag upp en plan.",
          "Svarsbasen hade inget svar som passar din fråga. Berätta om din situation med egna ord så gör jag upp en plan,"
              + " eller be om en rådgivare.",
          "Jag kände ännu inte igen några tillstånd eller tjänster i din situation. Berätta mer: vad tänker du göra, i vilken"
              + " kommun och tänker du anställa?",
          "Svaret på din fråga finns nedan. ", "Svarsbasen hade inget svar som passar din fråga. ",
          "Jag kände igen: ", "Din situation kan gälla: ",
          "Du berörs av %d tillstånd, anmälningar eller registreringar", "Du berörs av 1 tillstånd, en anmälan eller registrering",
          ", och %d beror på dina svar", ", och 1 beror på dina svar", ". Planen finns nedan i ordning med motiveringar.",
          " Jag frågar ännu: "),
      "en", new Words(
          "The answer to your question is below (in Finnish). Tell me about your situation too, and I will make you a plan.",
          "Nothing in the answer base fits your question. Tell me about your situation in your own words and I will make you"
              + " a plan, or ask for an adviser.",
          "I did not yet recognise any permits or services in your situation. Tell me more: what will you do, in which"
              + " municipality, and will you hire employees?",
          "The answer to your question is below. ", "Nothing in the answer base fits your question. ",
          "I recognised: ", "Your situation may concern: ",
          "%d permits, notifications or registrations concern you", "1 permit, notification or registration concerns you",
          ", and %d more depend on your answers", ", and 1 more depends on your answers",
          ". The plan is below, in order, with reasons.", " One more question: "));

  /**
   * The reply in the interface's language: Finnish, or Swedish or English with the items' and
   * questions' names from {@code names} where the knowledge has them (Finnish otherwise).
   *
   * @param names id → name in the language, as {@link Navigator#namesIn} gives them
   */
  public static String of(Recommendation r, String language, Map<String, String> names) {
    Words w = WORDS.get(language);
    if (w == null || (!"fi".equals(r.language()) && !"und".equals(r.language()))) {
      return of(r);
    }
    Recommendation.QuestionAnswer asked = r.questionAnswer();
    boolean stated = r.lifeEvents().stream().anyMatch(e -> "needed".equals(e.certainty()));
    if (asked != null && !stated) {
      return asked.found() ? w.answered() : w.notAnswered();
    }
    if (r.lifeEvents().isEmpty()) {
      return w.nothingYet();
    }
    StringBuilder sb = new StringBuilder(asked == null ? "" : asked.found() ? w.answerBelow() : w.noAnswer());
    sb.append(stated ? w.recognised() : w.mayConcern()).append(r.lifeEvents().stream()
        .filter(e -> !stated || "needed".equals(e.certainty())).map(e -> names.getOrDefault(e.id(), e.name()))
        .collect(Collectors.joining(", "))).append(". ");
    long needed = r.obligations().stream().filter(o -> "needed".equals(o.certainty())).count();
    long possible = r.obligations().size() - needed;
    sb.append(needed == 1 ? w.dutiesOne() : String.format(Locale.ROOT, w.duties(), needed));
    if (possible > 0) {
      sb.append(possible == 1 ? w.dependsOne() : String.format(Locale.ROOT, w.depends(), possible));
    }
    sb.append(w.planBelow());
    if (!r.questions().isEmpty()) {
      Recommendation.ClarifyingQuestion q = r.questions().get(0);
      sb.append(w.askNext()).append(names.getOrDefault(q.id(), q.name()));
    }
    return sb.toString();
  }

  /** The reply in Finnish. */
  public static String of(Recommendation r) {
    if (!"fi".equals(r.language()) && !"und".equals(r.language())) {
      return "Ymmärrän toistaiseksi vain suomea. Jag förstår ännu bara finska. I only understand Finnish so far.";
    }
    Recommendation.QuestionAnswer asked = r.questionAnswer();
    boolean stated = r.lifeEvents().stream().anyMatch(e -> "needed".equals(e.certainty()));
    if (asked != null && !stated) {
      // A question alone ("Tarvitseeko kahvila anniskeluluvan?") states no situation: answer it, and
      // say that a plan needs the story.
      return asked.found()
          ? "Vastaus kysymykseesi on alla vastauskannasta. Kerro myös tilanteestasi, niin kokoan suunnitelman."
          : "Vastauskannasta ei löytynyt kysymykseesi sopivaa vastausta. Kerro tilanteestasi omin sanoin, niin kokoan"
              + " suunnitelman, tai pyydä neuvojaa.";
    }
    if (r.lifeEvents().isEmpty()) {
      return "En vielä tunnistanut tilanteestasi lupia tai palveluja. Kerro lisää: mitä aiot tehdä, missä kunnassa ja"
          + " aiotko palkata työntekijöitä?";
    }
    StringBuilder sb = new StringBuilder(asked == null ? "" : asked.found()
        ? "Vastaus kysymykseesi on alla. " : "Vastauskannasta ei löytynyt kysymykseesi sopivaa vastausta. ");
    if (stated) {
      sb.append("Tunnistin tilanteestasi: ").append(r.lifeEvents().stream().filter(e -> "needed".equals(e.certainty()))
          .map(Recommendation.Item::name).collect(Collectors.joining(", "))).append(". ");
    } else {
      // Only possible events (a question or a condition): name them as possible, not as recognised.
      sb.append("Tilanteeseesi voi liittyä: ").append(r.lifeEvents().stream().map(Recommendation.Item::name)
          .collect(Collectors.joining(", "))).append(". ");
    }
    long needed = r.obligations().stream().filter(o -> "needed".equals(o.certainty())).count();
    long possible = r.obligations().size() - needed;
    sb.append("Sinua koskee ").append(needed).append(needed == 1 ? " lupa, ilmoitus tai rekisteröinti" : " lupaa, ilmoitusta tai rekisteröintiä");
    if (possible > 0) {
      sb.append(", ja ").append(possible).append(possible == 1 ? " muu riippuu" : " muuta riippuu").append(" vastauksistasi");
    }
    sb.append(". Suunnitelma on alla järjestyksessä perusteluineen.");
    List<Recommendation.ClarifyingQuestion> q = r.questions();
    if (!q.isEmpty()) {
      sb.append(" Kysyisin vielä: ").append(q.get(0).name());
    }
    return sb.toString();
  }
}
