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
 * @param personalData where the input has personal data, in text order (offsets and placeholder,
 *     not the data)
 */
public record AnalysedText(
    String language,
    double languageConfidence,
    List<Sentence> sentences,
    List<ConceptMention> concepts,
    List<Entity> entities,
    String maskedText,
    List<Interpretation> interpretations,
    List<PersonalDataMasker.Span> personalData) {

  public AnalysedText {
    sentences = List.copyOf(sentences);
    concepts = List.copyOf(concepts);
    entities = List.copyOf(entities);
    interpretations = List.copyOf(interpretations);
    personalData = List.copyOf(personalData);
  }

  /**
   * The reading of a turn without text (an answer to a question, a resume) in the given language:
   * no sentences, concepts, entities or personal data.
   */
  public static AnalysedText empty(String language) {
    return new AnalysedText(language, 1.0, List.of(), List.of(), List.of(), "", List.of(), List.of());
  }

  public List<Token> tokens() {
    return sentences.stream().flatMap(s -> s.tokens().stream()).toList();
  }

  /**
   * This reading as it may be shown to someone: every sentence text and token inside personal data
   * carries the placeholder instead of the words, and corrections of such words are left out.
   * Offsets stay those of the input; what was read from the other words is unchanged.
   */
  public AnalysedText withoutPersonalData() {
    if (personalData.isEmpty()) {
      return this;
    }
    List<Sentence> shown = sentences.stream().map(s -> new Sentence(
        maskedPart(s.text(), s.start()), s.start(), s.tokens().stream().map(this::shown).toList(), s.question())).toList();
    List<Interpretation> kept = interpretations.stream().filter(i -> maskedText.contains(i.from())).toList();
    return new AnalysedText(language, languageConfidence, shown, concepts, entities, maskedText, kept, personalData);
  }

  private Token shown(Token t) {
    for (PersonalDataMasker.Span p : personalData) {
      if (p.start() < t.end() && t.start() < p.end()) {
        return new Token(p.placeholder(), t.start(), t.end(), p.placeholder(), t.pos(), null, List.of(), false, null, 0,
            List.of(), t.negated());
      }
    }
    return t;
  }

  /** The part of the input from {@code start} with its personal data replaced by placeholders. */
  private String maskedPart(String text, int start) {
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (PersonalDataMasker.Span p : personalData) {
      int from = Math.max(p.start() - start, at);
      int to = Math.min(p.end() - start, text.length());
      if (to <= 0 || from >= text.length() || from >= to) {
        continue;
      }
      out.append(text, at, from).append(p.placeholder());
      at = to;
    }
    return out.append(text, at, text.length()).toString();
  }
}
