package fi.viranomaisbotti.nlp;

import java.util.List;

/**
 * A sentence of the analysed text.
 *
 * @param question whether the sentence asks something rather than states it
 */
public record Sentence(String text, int start, List<Token> tokens, boolean question) {
  public Sentence {
    tokens = List.copyOf(tokens);
  }
}
