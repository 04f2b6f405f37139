package fi.viranomaisbotti.nlp.impl;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fi.viranomaisbotti.nlp.CacheStats;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.MorphologyUnavailableException;
import fi.viranomaisbotti.nlp.WordAnalysis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.function.Predicate;
import org.puimula.libvoikko.Analysis;
import org.puimula.libvoikko.Voikko;

/**
 * Finnish morphology from libvoikko through its JNA binding. A Voikko handle is not thread-safe,
 * so this class keeps a pool of handles and lends one per call; analyses and suggestions are
 * cached, each cache bounded to {@value #CACHE_LIMIT} words. Thread-safe.
 */
final class VoikkoMorphology implements Morphology {
  /**
   * Words kept in each cache. When full, Caffeine evicts the words least likely to be asked again,
   * so the common words stay cached, where the old map was emptied whole.
   */
  static final int CACHE_LIMIT = 200_000;

  private static final String INSTALL_HINT =
      "Install the Finnish morphology packages: apt-get install -y libvoikko1 voikko-fi"
          + " (or run ./run.sh, which installs them).";

  private final BlockingQueue<Voikko> pool;
  private final int size;
  private final Cache<String, List<WordAnalysis>> cache =
      Caffeine.newBuilder().maximumSize(CACHE_LIMIT).recordStats().build();
  private final Cache<String, List<String>> suggestions = Caffeine.newBuilder().maximumSize(CACHE_LIMIT).build();
  private volatile boolean closed;

  private VoikkoMorphology(List<Voikko> handles) {
    this.size = handles.size();
    this.pool = new ArrayBlockingQueue<>(handles.size(), false, handles);
  }

  /**
   * Opens {@code handles} Voikko handles for Finnish.
   *
   * @throws MorphologyUnavailableException if libvoikko or the Finnish dictionary is missing
   */
  static VoikkoMorphology open(int handles) {
    if (handles < 1) {
      throw new IllegalArgumentException("At least one Voikko handle is needed, got " + handles);
    }
    List<Voikko> opened = new ArrayList<>();
    try {
      for (int i = 0; i < handles; i++) {
        opened.add(new Voikko("fi"));
      }
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      opened.forEach(Voikko::terminate);
      throw new MorphologyUnavailableException(
          "libvoikko with a Finnish dictionary could not be loaded (" + e.getMessage() + "). " + INSTALL_HINT,
          e);
    }
    return new VoikkoMorphology(opened);
  }

  @Override
  public List<WordAnalysis> analyse(String word) {
    if (word.isEmpty() || word.length() > 100) {
      return List.of();
    }
    // getIfPresent and put rather than get(word, loader): a loader runs under the cache's lock
    // for the key, and waiting there for a free handle would stall unrelated words. Two threads
    // may analyse the same new word at once; both get equal readings.
    List<WordAnalysis> hit = cache.getIfPresent(word);
    if (hit != null) {
      return hit;
    }
    List<Analysis> raw = withHandle(v -> v.analyze(word));
    List<WordAnalysis> result = raw.stream().map(VoikkoMorphology::convert).toList();
    cache.put(word, result);
    return result;
  }

  @Override
  public CacheStats cacheStats() {
    com.github.benmanes.caffeine.cache.stats.CacheStats s = cache.stats();
    return new CacheStats(s.hitCount(), s.missCount(), s.evictionCount(), cache.estimatedSize());
  }

  @Override
  public List<String> suggest(String word) {
    if (word.isEmpty() || word.length() > 100) {
      return List.of();
    }
    List<String> hit = suggestions.getIfPresent(word);
    if (hit != null) {
      return hit;
    }
    // Suggestions cost milliseconds, a hundred times an analysis: keep them too.
    List<String> result = List.copyOf(withHandle(v -> v.suggest(word)));
    suggestions.put(word, result);
    return result;
  }

  @Override
  public String describe() {
    return "libvoikko (fi, " + size + " handles)";
  }

  private <T> T withHandle(Function<Voikko, T> call) {
    if (closed) {
      throw new IllegalStateException("The Voikko morphology has been closed");
    }
    Voikko v;
    try {
      v = pool.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a Voikko handle", e);
    }
    try {
      return call.apply(v);
    } finally {
      pool.add(v);
    }
  }

  @Override
  public void close() {
    closed = true;
    List<Voikko> handles = new ArrayList<>();
    pool.drainTo(handles);
    handles.forEach(Voikko::terminate);
  }

  static WordAnalysis convert(Analysis a) {
    String wordClass = a.getOrDefault("CLASS", "");
    String pos = UdTags.fromVoikkoClass(wordClass);
    String lemma = a.getOrDefault("BASEFORM", "");
    if (!"PROPN".equals(pos)) {
      lemma = lemma.toLowerCase(Locale.ROOT);
    }
    List<String> parts = compoundParts(a.getOrDefault("WORDBASES", ""), lemma);
    return new WordAnalysis(
        lemma, pos, wordClass, parts, a.get("SIJAMUOTO"), "kieltosana".equals(wordClass), attributesOf(a));
  }

  /**
   * The attributes that choosing a reading needs. The cache holds every reading, so the others
   * (STRUCTURE, WORDBASES …) are left out and the small enumerated values are shared.
   */
  static final List<String> KEPT_ATTRIBUTES =
      List.of("SIJAMUOTO", "NUMBER", "PERSON", "MOOD", "TENSE", "PARTICIPLE", "COMPARISON", "FOCUS",
          "KYSYMYSLIITE", "POSSESSIVE", "FSTOUTPUT");

  private static Map<String, String> attributesOf(Analysis a) {
    Map<String, String> out = new HashMap<>();
    for (String key : KEPT_ATTRIBUTES) {
      String value = a.get(key);
      if (value != null) {
        out.put(key, key.equals("FSTOUTPUT") ? value : value.intern());
      }
    }
    return out;
  }

  /**
   * Reads Voikko's WORDBASES ("+liha(liha)+sikala(sikala)", "+anniskel(anniskella)+u(+u)+lupa(lupa)")
   * into the base forms of the compound's parts ([liha, sikala], [anniskelu, lupa]). A
   * derivational suffix, written with a leading plus inside the parentheses, joins the part
   * before it, as does a bare piece without a base form ("+myy(myydä)+n+ti(+ti)" is one part,
   * myynti, not myydä and "nti"). Parts that together make a word of the dictionary are one part
   * ({@link DictionaryWords}: tapaturmavakuutus is tapaturma + vakuutus, not tapa + turma +
   * vakuutus).
   */
  static List<String> compoundParts(String wordbases, String lemma) {
    return compoundParts(wordbases, lemma, DictionaryWords.bundled()::contains);
  }

  /** As {@link #compoundParts(String, String)} with the given dictionary of compound words. */
  static List<String> compoundParts(String wordbases, String lemma, Predicate<String> dictionaryWord) {
    List<String> parts = new ArrayList<>();
    List<String> surfaces = new ArrayList<>();
    int i = 0;
    int n = wordbases.length();
    while (i < n) {
      if (wordbases.charAt(i) == '+') {
        i++;
      }
      int s = i;
      while (i < n && wordbases.charAt(i) != '(' && wordbases.charAt(i) != '+') {
        i++;
      }
      String surface = wordbases.substring(s, i);
      String base = surface;
      boolean bare = !surface.isEmpty() && surface.chars().allMatch(Character::isLetter);
      if (i < n && wordbases.charAt(i) == '(') {
        bare = false;
        int close = wordbases.indexOf(')', i);
        close = close < 0 ? n : close;
        base = wordbases.substring(i + 1, close);
        i = Math.min(n, close + 1);
      }
      if ((base.startsWith("+") || bare) && !parts.isEmpty()) {
        String joined = surfaces.get(surfaces.size() - 1) + surface;
        parts.set(parts.size() - 1, joined);
        surfaces.set(surfaces.size() - 1, joined);
      } else if (!surface.isEmpty()
          && !surface.equals("-")
          && !surface.chars().allMatch(Character::isDigit)) {
        parts.add(base.replace("=", "").toLowerCase(Locale.ROOT));
        surfaces.add(surface);
      }
    }
    if (parts.isEmpty()) {
      return List.of(lemma.toLowerCase(Locale.ROOT));
    }
    // An inflected derivation at the end ("opiskeli" + "joiden") is best read off the lemma.
    String lower = lemma.toLowerCase(Locale.ROOT);
    // The earlier parts stand in the lemma as written ("makkaran" in "makkaranmyynti").
    String prefix = String.join("", surfaces.subList(0, surfaces.size() - 1)).toLowerCase(Locale.ROOT);
    if (parts.size() > 1 && lower.startsWith(prefix) && lower.length() > prefix.length()) {
      String head = lower.substring(prefix.length());
      // A hyphen between the parts is not part of the head ("kuorma-auto": auto).
      parts.set(parts.size() - 1, head.length() > 1 && head.startsWith("-") ? head.substring(1) : head);
    }
    return parts.size() > 2 ? dictionaryGroups(parts, surfaces, dictionaryWord) : List.copyOf(parts);
  }

  /**
   * Joins adjacent parts that together are a dictionary word, the longest from the left first
   * ([tapa, turma, vakuutus] → [tapaturma, vakuutus]). The joined word is the earlier parts as
   * written and the last one's base form ("elin" + "tarvike"). All the parts together are never
   * joined: the word's own last boundary stays, so that "ympäristölupa" keeps its head "lupa".
   */
  private static List<String> dictionaryGroups(List<String> parts, List<String> surfaces, Predicate<String> dictionaryWord) {
    int n = parts.size();
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < n) {
      int joined = i + 1;
      for (int j = i == 0 ? n - 1 : n; j >= i + 2; j--) {
        String word = (String.join("", surfaces.subList(i, j - 1)) + parts.get(j - 1)).toLowerCase(Locale.ROOT);
        if (dictionaryWord.test(word)) {
          joined = j;
          break;
        }
      }
      out.add(joined == i + 1
          ? parts.get(i)
          : (String.join("", surfaces.subList(i, joined - 1)) + parts.get(joined - 1)).toLowerCase(Locale.ROOT));
      i = joined;
    }
    return List.copyOf(out);
  }
}
