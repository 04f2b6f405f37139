package fi.viranomaisbotti.benchmarks.load;

import fi.viranomaisbotti.knowledge.Situation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A customer's story from a regression situation, told the way people chat: one sentence per
 * message, then the answers the situation knows ({@code facts}) when the bot asks for them.
 *
 * @param messages the situation's text, a sentence per message
 * @param facts answers to give when asked; other questions are answered at random
 */
record Story(String id, List<String> messages, Map<String, Object> facts) {
  Story {
    messages = List.copyOf(messages);
    facts = Map.copyOf(facts);
  }

  static Story of(Situation situation) {
    List<String> sentences = new ArrayList<>();
    for (String s : situation.text().strip().split("(?<=[.!?])\\s+")) {
      if (!s.isBlank()) {
        sentences.add(s.strip());
      }
    }
    return new Story(situation.id(), sentences, situation.facts());
  }
}
