package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.ConceptMention;
import fi.viranomaisbotti.nlp.Entity;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.Interpretation;
import fi.viranomaisbotti.nlp.LanguageDetector;
import fi.viranomaisbotti.nlp.LanguageGuess;
import fi.viranomaisbotti.nlp.LemmaStyle;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.PersonalDataMasker;
import fi.viranomaisbotti.nlp.Sentence;
import fi.viranomaisbotti.nlp.Token;
import fi.viranomaisbotti.nlp.Vocabulary;
import fi.viranomaisbotti.nlp.WordAnalysis;
import fi.viranomaisbotti.nlp.WordForms;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The steps behind {@link FinnishAnalyser}: segmenting, choosing readings, concepts, clause scope,
 * entities, language and masking. Public only so that the API class can hold one; made by {@link
 * Implementations#textPipeline}. Thread-safe if its {@link Morphology} and {@link LanguageDetector}
 * are.
 */
public final class TextPipeline {
  private final Morphology morphology;
  private final Vocabulary vocabulary;
  private final Segmenter segmenter = new Segmenter();
  private final PersonalDataMasker masker;
  private final Map<String, List<Map.Entry<List<String>, List<String>>>> phrasesByFirstWord;
  private final ReadingDisambiguator readings;
  private final ReadingDisambiguator udReadings;
  private final WordLookup lookup;
  private final ClauseScope clauses = new ClauseScope();
  private final LanguageDetector languages;
  private final EntityRecogniser entityRecogniser;

  TextPipeline(Morphology morphology, Vocabulary vocabulary, LanguageDetector languages, Clock clock) {
    this.morphology = morphology;
    this.vocabulary = vocabulary;
    this.readings = ReadingDisambiguator.forChat(morphology, vocabulary);
    this.udReadings = readings.inStyle(morphology, LemmaStyle.UNIVERSAL_DEPENDENCIES);
    this.lookup = new WordLookup(morphology, vocabulary);
    this.languages = languages;
    this.entityRecogniser = new EntityRecogniser(clock);
    this.masker = new PersonalDataMasker(morphology);
    this.phrasesByFirstWord = byFirstWord(vocabulary);
  }

  /** Analyses a text whose length {@link FinnishAnalyser#analyse} has checked, in the chat's lemma style. */
  public AnalysedText analyse(String text) {
    return analyse(text, LemmaStyle.READING);
  }

  /**
   * Analyses a text whose length {@link FinnishAnalyser#analyse} has checked, with the lemmas in
   * the given style. Concepts are found from the lemmas of that style.
   */
  public AnalysedText analyse(String text, LemmaStyle style) {
    ReadingDisambiguator chosen = style == LemmaStyle.UNIVERSAL_DEPENDENCIES ? udReadings : readings;
    String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
    List<PersonalDataMasker.Span> personal = masker.find(normalised);
    List<Sentence> sentences = new ArrayList<>();
    List<ConceptMention> mentions = new ArrayList<>();
    List<Entity> entities = new ArrayList<>();
    List<Interpretation> interpretations = new ArrayList<>();
    for (Segmenter.RawSentence raw : segmenter.split(normalised)) {
      int index = sentences.size();
      String sentenceText = normalised.substring(raw.start(), raw.end());
      List<Reading> read = chosen.read(raw.tokens().stream().map(Segmenter.RawToken::text).toList());
      ClauseScope.Marks scope = clauses.mark(
          analyseSentence(raw.tokens(), read), sentenceText.endsWith("?"), read.stream().map(Reading::grammaticalCase).toList());
      List<Token> tokens = scope.tokens();
      Map<Integer, Set<String>> replaced = new HashMap<>();
      List<ConceptMention> phrases = phraseMentions(tokens, read, index, scope, replaced);
      for (int i = 0; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        for (String c : t.concepts()) {
          if (scope.otherParty().get(i) && !vocabulary.namesBuyer(c)) {
            continue; // the buyer of what the customer sells is not the customer's business
          }
          if (replaced.containsKey(i) && !replaced.get(i).contains(c)) {
            continue; // the phrase says what the word means here
          }
          mentions.add(ConceptMention.of(c, t.text(), t.lemma(), index, t.negated(), scope.modalities().get(i),
              scope.deferred().get(i), scope.existing().get(i)));
        }
      }
      mentions.addAll(phrases);
      entities.addAll(municipalities(tokens, index));
      // An identity code or a phone number is no amount of anything ("131052-308T" is not 308 tonnes).
      entities.addAll(entityRecogniser.recognise(tokens, index).stream().filter(e -> !inside(personal, e)).toList());
      sentences.add(new Sentence(sentenceText, raw.start(), tokens, scope.question()));
      interpretations.addAll(interpretations(tokens));
    }
    LanguageGuess guess = languages.detect(normalised);
    return new AnalysedText(guess.language(), guess.confidence(), sentences, mentions, entities,
        PersonalDataMasker.mask(normalised, personal), interpretations, personal);
  }

  private static boolean inside(List<PersonalDataMasker.Span> personal, Entity e) {
    return personal.stream().anyMatch(p -> p.start() < e.end() && e.start() < p.end());
  }

  /**
   * The misspelt words of a sentence and their corrections. A colloquial spelling the vocabulary
   * lists ("mä") is read as its standard form without comment: it is not a mistake.
   */
  private List<Interpretation> interpretations(List<Token> tokens) {
    List<Interpretation> out = new ArrayList<>();
    for (Token t : tokens) {
      if (t.correctedFrom() == null || vocabulary.standardForm(t.text()).isPresent()) {
        continue;
      }
      String to = lookup.correction(t.text());
      if (to != null && !to.equals(t.text())) {
        out.add(new Interpretation(t.text(), to));
      }
    }
    return out;
  }

  private List<Token> analyseSentence(List<Segmenter.RawToken> raw, List<Reading> chosen) {
    List<Token> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      out.add(analyseToken(raw.get(i), chosen.get(i)));
    }
    return out;
  }

  /** A token from the reading {@link ReadingDisambiguator} chose for it in its sentence. */
  private Token analyseToken(Segmenter.RawToken r, Reading reading) {
    return new Token(
        r.text(),
        r.start(),
        r.end(),
        reading.lemma(),
        reading.pos(),
        reading.wordClass(),
        reading.compoundParts(),
        reading.known(),
        reading.correctedFrom(),
        reading.alternatives(),
        inItsCase(reading.known() ? conceptsOf(reading.lemma(), reading.compoundParts()) : unknownWordConcepts(r.text(), reading), reading),
        false);
  }

  /** The concepts a word can express in its case: "Kiinasta" names where goods come from, not where they go. */
  private List<String> inItsCase(List<String> concepts, Reading reading) {
    return concepts.stream().filter(c -> vocabulary.fitsCase(c, reading.grammaticalCase())).toList();
  }

  /**
   * An unknown word the vocabulary lists as written (a colloquial term such as "eläinlääkis") means
   * that concept, whatever base form its ending suggests; otherwise the guessed reading decides.
   */
  private List<String> unknownWordConcepts(String text, Reading reading) {
    List<String> asWritten = vocabulary.conceptsOf(text.toLowerCase(Locale.ROOT));
    return asWritten.isEmpty() ? conceptsOf(reading.lemma(), reading.compoundParts()) : asWritten;
  }

  /** The forms under which a single word is indexed and searched; see {@link FinnishAnalyser#indexForms}. */
  public WordForms indexForms(String word) {
    Set<String> whole = new LinkedHashSet<>();
    Set<String> parts = new LinkedHashSet<>();
    whole.add(word.toLowerCase(Locale.ROOT));
    List<WordAnalysis> readings = morphology.analyse(word);
    if (readings.isEmpty()) {
      String abbreviation = abbreviationBeforeEnding(word);
      if (abbreviation != null) {
        whole.add(abbreviation.toLowerCase(Locale.ROOT));
        readings = morphology.analyse(abbreviation);
      } else {
        String fixed = lookup.correction(word);
        if (fixed != null) {
          readings = morphology.analyse(fixed);
        }
      }
    }
    for (WordAnalysis w : readings) {
      whole.add(w.lemma().toLowerCase(Locale.ROOT));
    }
    for (WordAnalysis w : readings) {
      for (String part : w.compoundParts()) {
        if (!whole.contains(part)) {
          parts.add(part);
          // Voikko gives the first part of "arpajaislupa" as "arpajainen"; the text writes the
          // plural-only noun "arpajaiset". The plural of a -nen word ends in -set.
          if (w.compoundParts().size() > 1 && part.endsWith("nen") && part.length() > 5) {
            parts.add(part.substring(0, part.length() - 3) + "set");
          }
        }
      }
    }
    return new WordForms(List.copyOf(whole), List.copyOf(parts));
  }

  /**
   * An abbreviation inflected after a colon, as Finnish writes them ("ytj:ssä", "oy:n",
   * "alv:n"): the abbreviation, or null.
   */
  static String abbreviationBeforeEnding(String word) {
    int colon = word.indexOf(':');
    if (colon <= 0 || colon != word.lastIndexOf(':')) {
      return null;
    }
    String ending = word.substring(colon + 1);
    if (ending.isEmpty() || ending.length() > 5 || !ending.chars().allMatch(Character::isLetter)) {
      return null;
    }
    return word.substring(0, colon);
  }

  private List<String> conceptsOf(String lemma, List<String> parts) {
    Set<String> out = new LinkedHashSet<>(vocabulary.conceptsOf(lemma));
    if (parts.size() > 1) {
      boolean term = !out.isEmpty();
      for (String p : parts) {
        out.addAll(vocabulary.conceptsOf(p));
      }
      // The head of a compound carries its meaning: "luomusikala" → "sikala". Not when the whole
      // compound is a term: "eläinlääkäriasema" is a veterinary practice, not the "lääkäriasema"
      // (health care) its head would give.
      for (int i = 1; i < parts.size() - 1 && !term; i++) {
        out.addAll(vocabulary.conceptsOf(String.join("", parts.subList(i, parts.size()))));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Municipalities named in a sentence: a capitalised word whose lemma (or, for unknown words,
   * the word itself) is a municipality's name. "Seinäjoella" → Seinäjoki. A word written in lower
   * case counts only when the analyser chose its proper-noun reading ("tampereelle", "ouluun"); one
   * that is also a common noun stays unread ("lahteen" is also the illative of lahti, a bay;
   * "poriin" of pora, "saloon" of salo).
   */
  private List<Entity> municipalities(List<Token> tokens, int sentence) {
    List<Entity> out = new ArrayList<>();
    for (Token t : tokens) {
      if (!t.isWord()) {
        continue;
      }
      if (!Character.isUpperCase(t.text().codePointAt(0))) {
        if ("PROPN".equals(t.pos())) {
          vocabulary.municipality(t.lemma()).ifPresent(mun ->
              out.add(new Entity(Entity.MUNICIPALITY, t.text(), mun.code(), mun.name().fi(), sentence, t.start(), t.end())));
        }
        continue;
      }
      var m = vocabulary.municipality(t.lemma()).or(() -> vocabulary.municipality(t.text()));
      if (m.isEmpty() && t.alternatives() > 1) {
        // Voikko may have chosen a common-noun reading of a place name; check the others.
        for (WordAnalysis w : morphology.analyse(t.text())) {
          if (w.isProperNoun()) {
            m = vocabulary.municipality(w.lemma());
            if (m.isPresent()) {
              break;
            }
          }
        }
      }
      m.ifPresent(mun -> out.add(new Entity(Entity.MUNICIPALITY, t.text(), mun.code(), mun.name().fi(), sentence, t.start(), t.end())));
    }
    return out;
  }

  /**
   * The phrases of a sentence. A phrase with a direction is read from the case of its last word, as
   * a single word is: "EU:n ulkopuolelta" is where goods come from, not where they go. Some words of
   * a matched phrase mean only what the phrase means, and their own concepts are put in {@code
   * replaced} (word position → the phrase's concepts): a genitive before the phrase's last word
   * ("taksinkuljettajan ajolupa" is a driver's permit, not taxi traffic), and the other words of a
   * phrase that has the speaker as its object ("minut irtisanottiin" is a dismissal of the speaker,
   * not the speaker dismissing employees).
   */
  private List<ConceptMention> phraseMentions(
      List<Token> tokens, List<Reading> read, int sentence, ClauseScope.Marks scope, Map<Integer, Set<String>> replaced) {
    List<ConceptMention> out = new ArrayList<>();
    List<Token> words = tokens.stream().filter(Token::isWord).toList();
    List<Integer> positions = new ArrayList<>();
    for (int k = 0; k < tokens.size(); k++) {
      if (tokens.get(k).isWord()) {
        positions.add(k);
      }
    }
    for (int i = 0; i < words.size(); i++) {
      for (Map.Entry<List<String>, List<String>> e : phrasesStartingWith(words.get(i))) {
        List<String> phrase = e.getKey();
        int end = phraseEnd(words, i, phrase);
        if (end > 0 && phrase.get(0).equals(SPEAKERS) && end < words.size()
            && ELATIVE.equals(read.get(positions.get(end)).grammaticalCase())) {
          continue; // "me erotaan yhdistyksestä": leaving something, not each other
        }
        if (end > 0 && phrase.contains(SPEAKER_AS_OBJECT) && words.subList(i, end).stream().anyMatch(TextPipeline::firstPerson)) {
          continue; // spoken "mut" is also "mutta": "mut irtisanoin hänet" is the speaker's own act
        }
        if (end > 0) {
          String evidence = String.join(" ", words.subList(i, end).stream().map(Token::text).toList());
          String lastCase = read.get(positions.get(end - 1)).grammaticalCase();
          boolean speakerObject = phrase.contains(SPEAKER_AS_OBJECT);
          for (int k = i; k < end; k++) {
            int at = positions.get(k);
            if (!phrase.contains(lower(words.get(k).lemma()))) {
              continue; // a word in a gap ("muutan perheen kanssa Ouluun") is not the phrase's
            }
            if (speakerObject || k < end - 1 && GENITIVE.equals(read.get(at).grammaticalCase())) {
              replaced.computeIfAbsent(at, x -> new LinkedHashSet<>()).addAll(e.getValue());
            }
          }
          for (String c : e.getValue()) {
            int at = positions.get(i);
            if ((scope.otherParty().get(at) && !vocabulary.namesBuyer(c)) || !vocabulary.fitsCase(c, lastCase)) {
              continue;
            }
            out.add(ConceptMention.of(c, evidence, String.join(" ", phrase), sentence, words.get(i).negated(),
                scope.modalities().get(at), scope.deferred().get(at), scope.existing().get(at)));
          }
        }
      }
    }
    return out;
  }

  /** The phrases that may start at a word: by its lemma, and by the placeholders it can stand for. */
  private List<Map.Entry<List<String>, List<String>>> phrasesStartingWith(Token word) {
    List<Map.Entry<List<String>, List<String>>> byLemma = phrasesByFirstWord.getOrDefault(lower(word.lemma()), List.of());
    List<Map.Entry<List<String>, List<String>>> out = new ArrayList<>(byLemma);
    for (String placeholder : List.of(SPEAKERS, SPEAKER_AS_OBJECT)) {
      if (is(word, placeholder)) {
        out.addAll(phrasesByFirstWord.getOrDefault(placeholder, List.of()));
      }
    }
    return out;
  }

  /** A finite verb in the first person: "irtisanoin", "irtisanon", "irtisanomme"; not the passive "irtisanottiin". */
  private static boolean firstPerson(Token word) {
    if (!ClauseScope.isFiniteVerb(word)) {
      return false;
    }
    String text = lower(word.text());
    // "on" is the third person of olla, the one finite verb that ends in -n without being the first person
    return text.endsWith("mme")
        || text.endsWith("n") && !text.equals("on") && !text.endsWith("iin") && !text.endsWith("aan") && !text.endsWith("ään");
  }

  private static final String GENITIVE = "omanto";
  private static final String ELATIVE = "sisaeronto";

  /**
   * A phrase word that stands for the speaker with someone else as the subject: the pronoun "me"
   * ("me erotaan") or a verb in the first person plural ("aiomme erota", "olemme eroamassa").
   */
  static final String SPEAKERS = "<me>";

  /** A phrase word that stands for the speaker as an object: "minut", "meidät", spoken "mut", "meiät". */
  static final String SPEAKER_AS_OBJECT = "<minut>";

  private static final Set<String> SPEAKER_OBJECT_FORMS = Set.of("minut", "meidät", "mut", "meiät", "meijät");

  /** A phrase word that stands for any municipality's name, in any case ("muuttaa … <kunta>"). */
  static final String MUNICIPALITY = "<kunta>";

  /** A phrase word that stands for up to {@value #GAP_WORDS} other words ("tuoda … ulkomaa"). */
  static final String GAP = "…";

  private static final int GAP_WORDS = 3;

  /**
   * Where the phrase starting at word {@code i} ends (exclusive), or -1 when it does not match.
   * Phrases are kept in lower case; a proper noun's base form is capitalised ("muuttaa Suomi"). One
   * pronoun may stand between two of its words, as the object often does ("myydä niitä netissä",
   * "tuoda ne maahan"); where the phrase writes {@value #GAP}, up to {@value #GAP_WORDS} words of
   * any kind may stand there ("tuoda vaatteita Kiinasta", "myyn olutta myös mukaan"), and
   * {@value #MUNICIPALITY} stands for any municipality ("muutan Tampereelta Ouluun").
   */
  private int phraseEnd(List<Token> words, int i, List<String> phrase) {
    int k = i + 1;
    for (int j = 1; j < phrase.size(); j++) {
      if (phrase.get(j).equals(GAP) && j + 1 < phrase.size()) {
        String next = phrase.get(++j);
        int limit = Math.min(words.size(), k + GAP_WORDS + 1);
        while (k < limit && !is(words.get(k), next)) {
          k++;
        }
        if (k >= limit) {
          return -1;
        }
        k++;
        continue;
      }
      if (k < words.size() && !is(words.get(k), phrase.get(j)) && "PRON".equals(words.get(k).pos())) {
        k++;
      }
      if (k >= words.size() || !is(words.get(k), phrase.get(j))) {
        return -1;
      }
      k++;
    }
    return k;
  }

  /**
   * Whether a word of the text is the phrase's word: its lemma, any municipality for {@value
   * #MUNICIPALITY}, the speaker and another for {@value #SPEAKERS}, or the speaker as an object for
   * {@value #SPEAKER_AS_OBJECT}.
   */
  private boolean is(Token word, String phraseWord) {
    if (phraseWord.equals(SPEAKER_AS_OBJECT)) {
      return SPEAKER_OBJECT_FORMS.contains(lower(word.text()));
    }
    if (phraseWord.equals(SPEAKERS)) {
      String text = lower(word.text());
      return "PRON".equals(word.pos()) && lower(word.lemma()).equals("me") && !text.startsWith("mei")
          || ("VERB".equals(word.pos()) || "AUX".equals(word.pos())) && text.endsWith("mme") && ClauseScope.isFiniteVerb(word);
    }
    if (phraseWord.equals(MUNICIPALITY)) {
      return Character.isUpperCase(word.text().codePointAt(0))
          && (vocabulary.municipality(word.lemma()).isPresent() || vocabulary.municipality(word.text()).isPresent());
    }
    return lower(word.lemma()).equals(phraseWord);
  }

  private static String lower(String lemma) {
    return lemma.toLowerCase(Locale.ROOT);
  }

  /**
   * The vocabulary's phrases by their first word, so that a sentence is matched in time linear in
   * its length rather than once per phrase (a 10,000-character text has up to 10,000 sentences).
   */
  private static Map<String, List<Map.Entry<List<String>, List<String>>>> byFirstWord(Vocabulary vocabulary) {
    Map<String, List<Map.Entry<List<String>, List<String>>>> out = new HashMap<>();
    for (Map.Entry<List<String>, List<String>> e : vocabulary.phrases().entrySet()) {
      out.computeIfAbsent(e.getKey().get(0), k -> new ArrayList<>()).add(e);
    }
    return out;
  }
}
