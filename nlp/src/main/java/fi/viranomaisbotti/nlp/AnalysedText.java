package fi.viranomaisbotti.nlp;

import java.util.List;

/**
 * The result of reading one text: language, sentences with analysed tokens, concept mentions
 * (each with its {@link Modality}), entities (municipalities, quantities, business forms, ages,
 * dates) and the text with personal data masked. Immutable.
 *
 * @param maskedText the input with personal data replaced by placeholders; this, never the
 *     original, is what may be logged or stored
 * @param interpretations misspelt words and how they were read, in text order
 */
public record AnalysedText(
    String language,
    double languageConfidence,
    List<Sentence> sentences,
    List<ConceptMention> concepts,
    List<Entity> entities,
    String maskedText,
    List<Interpretation> interpretations) {

  public AnalysedText {
    sentences = List.copyOf(sentences);
    concepts = List.copyOf(concepts);
    entities = List.copyOf(entities);
    interpretations = List.copyOf(interpretations);
  }

  /** A reading in which no word needed a correction. */
  public AnalysedText(
      String language,
      double languageConfidence,
      List<Sentence> sentences,
      List<ConceptMention> concepts,
      List<Entity> entities,
      String maskedText) {
    this(language, languageConfidence, sentences, concepts, entities, maskedText, List.of());
  }

  public List<Token> tokens() {
    return sentences.stream().flatMap(s -> s.tokens().stream()).toList();
  }
}
