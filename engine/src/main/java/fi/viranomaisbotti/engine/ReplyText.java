package fi.viranomaisbotti.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The chat's short Finnish reply that goes with a recommendation. Stateless. */
public final class ReplyText {
  private ReplyText() {}

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
