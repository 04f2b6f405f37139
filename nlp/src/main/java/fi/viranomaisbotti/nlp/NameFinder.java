package fi.viranomaisbotti.nlp;

import fi.viranomaisbotti.nlp.MaskTokens.Tok;
import fi.viranomaisbotti.nlp.PersonalDataMasker.Span;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds personal names. With a morphology: a first name followed by a capitalised word ("Matti
 * Meikäläinen", "Liisa Virtaselle"), a capitalised surname inside a sentence ("soitin Virtaselle"),
 * and a first name or surname after "olen" or "I'm". With or without one: the words after "nimeni
 * on", "terveisin", "yhteyshenkilö" and the like. A name next to a business form is a company name
 * and stays ("Tmi Matti Meikäläinen", "Virtanen Oy"), and so does a place ("Anna Seinäjoelle").
 * A first name alone without such a cue stays: it identifies no one. Thread-safe if its {@link
 * Morphology} is.
 */
final class NameFinder {
  /** Words after which the next words are a name whatever their class ("nimeni on Matti"). */
  private static final List<List<String>> NAMING_CUES =
      List.of(List.of("nimeni", "on"), List.of("mun", "nimi", "on"), List.of("minun", "nimi", "on"), List.of("nimeni"),
          List.of("heter"),
          List.of("name", "is"), List.of("terveisin"), List.of("terv", "."), List.of("yhteyshenkilö", "on"),
          List.of("yhteyshenkilö"), List.of("yhteyshenkilönä"), List.of("yhteyshenkilömme", "on"),
          List.of("yhteyshenkilömme"), List.of("allekirjoittanut"), List.of("hälsningar"), List.of("regards"));
  /** Words after which a word with a first-name or surname reading is a name ("olen Liisa"). */
  private static final List<List<String>> INTRODUCING_CUES =
      List.of(List.of("olen"), List.of("oon"), List.of("i", "am"), List.of("i'm"), List.of("jag", "är"), List.of("t", "."),
          List.of("herra"), List.of("rouva"), List.of("neiti"), List.of("asiakas"), List.of("asiakkaani"),
          List.of("naapuri"), List.of("naapurini"), List.of("puolisoni"), List.of("vaimoni"), List.of("mieheni"));
  private static final Set<String> BUSINESS_FORMS =
      Set.of("oy", "oyj", "ky", "ay", "tmi", "osk", "ab", "ltd", "ry", "inc", "gmbh", "oü", "toiminimi", "osakeyhtiö",
          "kommandiittiyhtiö", "osuuskunta", "llc");
  private static final int LONGEST_NAME = 4;

  private final Morphology morphology;

  /** @param morphology reads the classes of words; null to find names after naming cues only */
  NameFinder(Morphology morphology) {
    this.morphology = morphology;
  }

  void find(MaskTokens tokens, List<Span> out) {
    for (int i = 0; i < tokens.size(); i++) {
      Tok t = tokens.get(i);
      if (!t.isWord() || isBusinessForm(t)) {
        continue;
      }
      if (isBusinessForm(tokens.at(i - 1))) {
        // "Tmi Liisa Virtanen": the whole name after the form is the company's.
        while (i + 1 < tokens.size() && tokens.follows(i + 1) && tokens.get(i + 1).isCapitalised()) {
          i++;
        }
        continue;
      }
      int end = nameEnd(tokens, i);
      if (end < 0) {
        continue;
      }
      Tok after = tokens.at(end + 1);
      if (after != null && tokens.follows(end + 1) && isBusinessForm(after)) {
        i = end + 1;
        continue;
      }
      out.add(new Span(t.start(), tokens.get(end).end(), PersonalDataMasker.NAME));
      i = end;
    }
  }

  /** The last word of a name starting at token {@code i}, or -1 if no name starts there. */
  private int nameEnd(MaskTokens tokens, int i) {
    Tok t = tokens.get(i);
    if (endsCue(tokens, i, NAMING_CUES) && (t.isCapitalised() || isNameWord(t))) {
      return extend(tokens, i, true, true);
    }
    if (morphology == null || !t.isCapitalised()) {
      return -1;
    }
    boolean sure = isOnlyFirstName(t);
    if (endsCue(tokens, i, INTRODUCING_CUES) && isNameWord(t)) {
      return extend(tokens, i, sure, false);
    }
    if (hasClass(t, "etunimi")) {
      int end = extend(tokens, i, sure, false);
      if (end > i) {
        return end; // a first name with a surname after it
      }
    }
    boolean surname = hasClass(t, "sukunimi") && !hasClass(t, "paikannimi");
    return surname && !tokens.startsSentence(i) && !isCapitalisedWordAfter(tokens, i) ? i : -1;
  }

  /**
   * The last word of a name starting at {@code first}: further capitalised words that are not
   * business forms; after a naming cue also lower-case words that read as names ("nimeni on matti
   * meikäläinen"). Many surnames are also places to Voikko (Nieminen, Mäkelä), so a place stops
   * the name only when the first word may be something else ("Anna Seinäjoelle" is "give").
   */
  private int extend(MaskTokens tokens, int first, boolean sure, boolean lowerCase) {
    int end = first;
    while (end - first + 1 < LONGEST_NAME && tokens.follows(end + 1)) {
      Tok next = tokens.get(end + 1);
      boolean part = next.isWord() && !isBusinessForm(next) && (sure || !isPlaceOnly(next))
          && (next.isCapitalised() || lowerCase && isNameWord(next));
      if (!part) {
        break;
      }
      end++;
    }
    return end;
  }

  private static boolean endsCue(MaskTokens tokens, int i, List<List<String>> cues) {
    int before = i - 1;
    if (tokens.at(before) != null && (tokens.at(before).is(":") || tokens.at(before).is(","))) {
      before--;
    }
    for (List<String> cue : cues) {
      boolean match = true;
      for (int k = 0; k < cue.size() && match; k++) {
        Tok t = tokens.at(before - cue.size() + 1 + k);
        match = t != null && t.lower().equals(cue.get(k));
      }
      if (match) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a word reads as a first name or surname (in its capitalised form, for chat written
   * in lower case); without a morphology, or for a word it does not know, a "-nen" word or any
   * word the morphology does not know counts.
   */
  private boolean isNameWord(Tok t) {
    if (morphology == null) {
      return t.lower().endsWith("nen");
    }
    String capitalised = t.text().substring(0, 1).toUpperCase(Locale.ROOT) + t.text().substring(1);
    List<WordAnalysis> readings = morphology.analyse(capitalised);
    if (readings.isEmpty()) {
      return true;
    }
    for (WordAnalysis r : readings) {
      if ("etunimi".equals(r.wordClass()) || "sukunimi".equals(r.wordClass())) {
        return true;
      }
    }
    return t.lower().endsWith("nen");
  }

  /** Whether every reading of a word is a first name ("Petri", not "Anna", which is also a verb). */
  private boolean isOnlyFirstName(Tok t) {
    List<WordAnalysis> readings = morphology.analyse(t.text());
    return !readings.isEmpty() && readings.stream().allMatch(r -> "etunimi".equals(r.wordClass()));
  }

  private boolean hasClass(Tok t, String wordClass) {
    for (WordAnalysis r : morphology.analyse(t.text())) {
      if (wordClass.equals(r.wordClass())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A place and not also a name: "Seinäjoelle", but not "Koski" the surname nor "Nieminen" (no
   * municipality ends in -nen; many surnames do).
   */
  private boolean isPlaceOnly(Tok t) {
    if (morphology == null) {
      return false;
    }
    boolean place = false;
    for (WordAnalysis r : morphology.analyse(t.text())) {
      if ("etunimi".equals(r.wordClass()) || "sukunimi".equals(r.wordClass()) || r.lemma().endsWith("nen")) {
        return false;
      }
      place |= "paikannimi".equals(r.wordClass());
    }
    return place;
  }

  /** "Virtasen Kahvila" is a company's name, not a person's. */
  private static boolean isCapitalisedWordAfter(MaskTokens tokens, int i) {
    Tok next = tokens.at(i + 1);
    return next != null && tokens.follows(i + 1) && next.isWord() && next.isCapitalised();
  }

  private static boolean isBusinessForm(Tok t) {
    if (t == null) {
      return false;
    }
    String w = t.lower();
    int colon = w.indexOf(':');
    return BUSINESS_FORMS.contains(colon > 0 ? w.substring(0, colon) : w);
  }
}
