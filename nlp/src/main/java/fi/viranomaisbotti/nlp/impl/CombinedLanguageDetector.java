package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.nlp.LanguageDetector;
import fi.viranomaisbotti.nlp.LanguageGuess;
import fi.viranomaisbotti.nlp.Morphology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells Finnish, Swedish and English apart on short chat turns by adding up, word by word, cheap
 * evidence: whether the Finnish morphology recognises the word, function words of each language
 * (standard and colloquial), the letter å, and typical endings and letter pairs. Only when that
 * evidence is close does it also ask the OpenNLP n-gram model. Capitalised words inside a
 * sentence are left out, so that Finnish place names do not make English Finnish. Thread-safe if
 * its {@link Morphology} is.
 */
final class CombinedLanguageDetector implements LanguageDetector {
  private static final Pattern WORD = Pattern.compile("[\\p{L}]+(?:['’][\\p{L}]+)?");
  /**
   * Markup, addresses and links are in no natural language; they are left out before counting.
   * The link and address alternatives start only where a run of non-space characters starts, so
   * each run is read once: tried from every position, "\\S+@" took a second on 10,000 characters.
   */
  private static final Pattern NOT_LANGUAGE =
      Pattern.compile("<[^<>]{0,500}>|(?<!\\S)\\S*?(?:https?://|www\\.)\\S++|(?<!\\S)\\S+@\\S+");

  static final Set<String> FINNISH =
      Set.copyOf(List.of("ja", "on", "ei", "en", "et", "emme", "eikä", "enkä", "se", "ne", "että", "kun", "jos", "mutta", "tai",
          "mä", "mää", "mie", "sä", "mun", "sun", "meil", "mul", "sul", "tää", "toi", "noi", "oon", "oot", "ollaan",
          "olen", "olisi", "ole", "onko", "onks", "oisko", "voiko", "voinko", "voisko", "miten", "mitä", "mikä", "missä",
          "mistä", "mihin", "milloin", "kuinka", "paljonko", "pitää", "pitääkö", "pitäis", "täytyy", "tarvii", "tarttee",
          "tarvitsen", "tarvitaanko", "haluan", "haluisin", "meinaan", "aion", "aiomme", "myös", "vai", "kanssa",
          "ilman", "vielä", "nyt", "sitten", "niin", "kuin", "jo", "vain", "vaan", "siis", "eli", "joo", "juu", "kiitos",
          "moi", "hei", "terve", "kyllä", "ehkä", "hyvä", "minä", "minun", "meidän", "te", "me", "he", "hän", "tämä",
          "tässä", "täällä", "siellä", "mitkä", "kenelle", "mulla", "sulla", "meillä", "teillä", "niinku", "ihan",
          "vähän", "paljon", "yksi", "kaksi", "kolme", "tuleeko", "saako", "saanko", "kuuluuko", "onkos", "mites",
          "semmonen", "sellainen", "ois", "oisi", "tos", "tääl", "siel", "mis", "mist", "jotain", "jotkut", "kaikki"));
  static final Set<String> SWEDISH =
      Set.copyOf(List.of("och", "är", "jag", "att", "det", "en", "ett", "som", "på", "med", "för", "inte", "vill", "har", "min",
          "mitt", "mina", "hur", "kan", "vad", "till", "av", "om", "ska", "skall", "också", "eller", "men", "vi", "ni",
          "behöver", "måste", "var", "får", "finns", "någon", "något", "när", "så", "mig", "mej", "du", "dig", "han",
          "hon", "den", "de", "dom", "vår", "vårt", "våra", "från", "hos", "efter", "under", "över", "utan", "mycket",
          "lite", "tack", "hej", "ja", "nej", "bara", "nu", "sedan", "sen", "här", "där", "vilken", "vilket", "vilka",
          "varför", "var", "vem", "blir", "bli", "göra", "gör", "starta", "grunda", "företag", "tillstånd", "ansöka",
          "anmäla", "anställa", "sälja", "öppna", "jobba", "gård", "kommun", "också", "redan", "än", "inga", "ingen",
          "eget", "egen", "egna", "mina", "sina", "sin", "sitt", "man", "fast", "kanske", "alltså", "hur", "dessutom",
          "nåt", "nån", "int", "he", "int", "nog", "butik", "restaurang", "kafé", "anmälan", "försäljning", "skatt"));
  static final Set<String> ENGLISH =
      Set.copyOf(List.of("the", "and", "i", "to", "a", "is", "of", "want", "my", "with", "for", "in", "not", "how", "do", "does",
          "can", "what", "need", "will", "it", "be", "have", "has", "should", "we", "you", "an", "at", "from", "this",
          "that", "are", "am", "was", "there", "which", "who", "where", "when", "would", "could", "if", "or", "but",
          "about", "any", "some", "our", "your", "me", "us", "they", "them", "start", "open", "business", "company",
          "permit", "license", "licence", "apply", "register", "hire", "sell", "farm", "please", "thanks", "hello",
          "hi", "yes", "no", "don't", "i'm", "it's", "what's", "do", "get", "got", "just", "also", "moving", "move",
          "going", "plan", "planning", "employee", "employees", "restaurant", "shop", "tax", "here", "near", "next",
          "year", "summer", "too", "than", "then", "by", "as", "on", "up", "out", "into", "new", "own", "much", "many"));

  // Plain string tests rather than regular expressions: this runs on every word of every turn.
  private static final String[] FINNISH_ENDINGS =
      {"ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "aan", "ään", "ista", "istä", "ko", "kö",
          "mme", "tte", "vat", "vät", "inen", "uus", "yys"};
  private static final String[] FINNISH_PAIRS =
      {"aa", "ää", "ii", "uu", "yy", "ee", "öö", "oo", "ei", "äi", "öy", "uo", "yö", "ie", "ht", "ts", "nk", "kk", "pp", "tt"};
  private static final String[] SWEDISH_ENDINGS =
      {"ning", "ningen", "het", "heten", "erna", "arna", "orna", "ande", "ende", "skt", "tion", "ligt", "lig", "ar", "or"};
  private static final String[] SWEDISH_STARTS = {"sk", "sj", "tj", "kv"};
  private static final String[] SWEDISH_LETTERS = {"å", "ø", "é"};
  private static final String[] ENGLISH_PARTS =
      {"th", "wh", "sh", "ght", "ing", "ly", "ed", "ow", "ew", "aw", "ck", "oo", "ea", "ou", "tion", "ness", "ment",
          "'s", "'m", "'re", "'ll", "'ve", "n't", "w", "c", "q", "x", "z"};

  /** Evidence margin (per word) below which the n-gram model is consulted. */
  static final double CLOSE = 0.8;
  static final double OPENNLP_WEIGHT = 0.9;

  private final Morphology morphology;
  private final OpenNlpLanguageDetector ngrams;

  CombinedLanguageDetector(Morphology morphology, OpenNlpLanguageDetector ngrams) {
    this.morphology = morphology;
    this.ngrams = ngrams;
  }

  CombinedLanguageDetector(Morphology morphology) {
    this(morphology, new OpenNlpLanguageDetector());
  }

  @Override
  public LanguageGuess detect(String raw) {
    boolean markup = raw.indexOf('<') >= 0 || raw.indexOf('@') >= 0 || raw.contains("http") || raw.contains("www.");
    String text = markup ? NOT_LANGUAGE.matcher(raw).replaceAll(" ") : raw;
    List<String> words = words(text);
    if (words.isEmpty()) {
      return LanguageGuess.UNDETERMINED;
    }
    double[] s = new double[3];
    for (String w : words) {
      add(s, w);
    }
    for (int i = 0; i < 3; i++) {
      s[i] /= words.size();
    }
    int best = LanguageScores.argmax(s);
    double margin = s[best] - secondBest(s, best);
    if (margin < CLOSE) {
      double[] p = ngrams.probabilities(text);
      for (int i = 0; i < 3; i++) {
        s[i] += OPENNLP_WEIGHT * p[i];
      }
      best = LanguageScores.argmax(s);
      margin = s[best] - secondBest(s, best);
    }
    double confidence = 1 / (1 + Math.exp(-4 * margin));
    return new LanguageGuess(LanguageScores.CODES.get(best), confidence);
  }

  private void add(double[] s, String w) {
    boolean fi = FINNISH.contains(w);
    boolean sv = SWEDISH.contains(w);
    boolean en = ENGLISH.contains(w);
    if (fi || sv || en) {
      double share = 1.5 / ((fi ? 1 : 0) + (sv ? 1 : 0) + (en ? 1 : 0));
      s[0] += fi ? share : 0;
      s[1] += sv ? share : 0;
      s[2] += en ? share : 0;
      return;
    }
    if (w.indexOf('å') >= 0) {
      s[1] += 1.5;
      return;
    }
    boolean known = w.length() >= 3 && !morphology.analyse(w).isEmpty();
    if (known) {
      s[0] += 1.0;
    }
    if (endsWithAny(w, FINNISH_ENDINGS) || containsAny(w, FINNISH_PAIRS)) {
      s[0] += 0.3;
    }
    if (endsWithAny(w, SWEDISH_ENDINGS) || startsWithAny(w, SWEDISH_STARTS) || containsAny(w, SWEDISH_LETTERS)) {
      s[1] += known ? 0.2 : 0.5;
    }
    if (containsAny(w, ENGLISH_PARTS)) {
      s[2] += known ? 0.2 : 0.5;
    }
  }

  private static boolean endsWithAny(String w, String[] suffixes) {
    for (String x : suffixes) {
      if (w.endsWith(x)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithAny(String w, String[] prefixes) {
    for (String x : prefixes) {
      if (w.startsWith(x)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(String w, String[] parts) {
    for (String x : parts) {
      if (w.contains(x)) {
        return true;
      }
    }
    return false;
  }

  private static double secondBest(double[] s, int best) {
    double second = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < s.length; i++) {
      if (i != best) {
        second = Math.max(second, s[i]);
      }
    }
    return second;
  }

  /** Lower-cased words, without capitalised words that do not start a sentence (names). */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    boolean sentenceStart = true;
    int last = 0;
    while (m.find()) {
      String gap = text.substring(last, m.start());
      if (gap.contains(".") || gap.contains("!") || gap.contains("?")) {
        sentenceStart = true;
      }
      String w = m.group();
      boolean capital = Character.isUpperCase(w.codePointAt(0));
      boolean acronym = w.length() > 1 && w.chars().allMatch(Character::isUpperCase);
      if (!capital || sentenceStart || w.equals("I") || w.startsWith("I'")) {
        if (!acronym) {
          out.add(w.toLowerCase(Locale.ROOT).replace('’', '\''));
        }
      }
      sentenceStart = false;
      last = m.end();
    }
    return out;
  }

  @Override
  public void close() {
    ngrams.close();
  }
}
