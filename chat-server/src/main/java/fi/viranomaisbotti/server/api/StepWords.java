package fi.viranomaisbotti.server.api;

import fi.viranomaisbotti.engine.Recommendation.Handling;
import fi.viranomaisbotti.engine.Recommendation.Item;

/** What a step's link does, in Finnish, from the kind of the obligation or service. Stateless. */
final class StepWords {
  private StepWords() {}

  static String action(Item item) {
    if (item == null) {
      return "Avaa asiointipalvelu";
    }
    String verb = item.details() instanceof Handling h ? switch (h.kind()) {
      case "permit" -> "Hae lupa";
      case "notification" -> "Tee ilmoitus";
      case "registration" -> "Rekisteröidy";
      case "insurance" -> "Ota vakuutus";
      case "report" -> "Tee ilmoitus";
      default -> "Hoida";
    } : "Tutustu palveluun";
    return verb + ": " + item.name();
  }
}
