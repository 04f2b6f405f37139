package fi.viranomaisbotti.nlp;

import fi.viranomaisbotti.nlp.MaskTokens.Tok;
import fi.viranomaisbotti.nlp.PersonalDataMasker.Span;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds postal addresses: a street name with a house number ("Kotikatu 5 B 12", "Hämeenkadulla
 * 10", "Pohjoisesplanadi 11-13"), a PO box ("PL 123") and a postcode with its town ("00100
 * Helsinki"). A street is recognised by the head of its name (katu, tie, tori, esplanadi …), or,
 * for names without one, by an address word before it ("osoitteessa", "asun") or a postcode after
 * it. A number followed by a unit ("Piha 200 m2") is a quantity, not a house number. Thread-safe
 * if its {@link Morphology} is; works without one.
 */
final class AddressFinder {
  /**
   * Heads of Finnish and Swedish street names, as they stand before a case ending ("kadu" of
   * "Hämeenkadulla", "mäe" of "Pihlajamäellä"). A head must follow at least one letter of the name.
   */
  private static final List<String> STREET_HEADS =
      List.of("katu", "kadu", "tie", "kuja", "polku", "polu", "raitti", "raiti", "väylä", "kaari", "kaare", "rinne",
          "rintee", "aukio", "puistikko", "puistiko", "ranta", "ranna", "mäki", "mäe", "tori", "esplanadi", "bulevardi",
          "portti", "porti", "piha", "kenttä", "kentä", "kaarre", "kaartee", "vägen", "väg", "gatan", "gata", "stigen",
          "gränd", "torget", "allén", "esplanaden", "plan", "strand");
  /** The base forms of those heads, to check a word the morphology knows: "Historia" is no "tori". */
  private static final List<String> STREET_LEMMAS =
      List.of("katu", "tie", "kuja", "polku", "raitti", "väylä", "kaari", "rinne", "aukio", "puistikko", "ranta", "mäki",
          "tori", "esplanadi", "bulevardi", "portti", "piha", "kenttä", "kaarre");
  /** Heads that name a street by themselves: "Esplanadi 1", "Bulevardi 5". */
  private static final Set<String> WHOLE_NAMES = Set.of("esplanadi", "bulevardi", "esplanaden");
  /** Main roads are written like streets ("Valtatie 4") but name no one's home. */
  private static final List<String> ROADS = List.of("valtatie", "kantatie", "seututie", "maantie", "moottoritie", "yhdystie");
  /** Words after which a capitalised word and a number are an address even without a street head. */
  private static final Set<String> ADDRESS_CUES =
      Set.of("osoite", "osoitteessa", "osoitteeseen", "osoitteesta", "osoitteella", "osoitteemme", "osoitteeni",
          "kotiosoite", "kotiosoitteeni", "postiosoite", "käyntiosoite", "toimitusosoite", "laskutusosoite", "os",
          "asun", "asumme", "asuu", "asuvat", "asunut", "sijaitsee", "sijaitsevat", "muutin", "muutan", "muutamme",
          "muutimme", "adress", "adressen", "bor", "address", "live");
  /** Units and counted things after a number, which make it a quantity ("Piha 200 m2", "Kenttä 3 ha"). */
  private static final List<String> UNIT_PREFIXES =
      List.of("m2", "m²", "m3", "km", "ha", "kg", "kpl", "hlö", "%", "€", "e", "eur", "euro", "prosent", "metri", "neliö",
          "hehtaari", "kilo", "litra", "tonni", "kappale", "henkilö", "vuo", "v", "kk", "kuukau", "viiko", "päivä",
          "tunti", "h", "min", "kwh", "mwh", "sivu", "paikka", "paika", "asiakas", "lehmä", "sika", "kpl", "x", "/");
  /** First words of two-word street names: "Pohjoinen Rautatiekatu", "Norra Esplanaden". */
  private static final Set<String> DIRECTIONS =
      Set.of("pohjoinen", "eteläinen", "itäinen", "läntinen", "pieni", "iso", "vanha", "uusi", "norra", "södra", "östra",
          "västra", "stora", "lilla", "gamla", "nya");
  private static final Set<String> STAIRS = Set.of("a", "b", "c", "d", "e", "f", "g", "h", "j", "k");
  private static final Set<String> FLAT_WORDS = Set.of("as", "asunto", "lh", "bst", "lgh");
  private static final Set<String> PO_BOX_WORDS = Set.of("PL", "Pl", "PB", "Box", "BOX");

  private final Morphology morphology;

  /** @param morphology checks the heads of known words; null to go by spelling only */
  AddressFinder(Morphology morphology) {
    this.morphology = morphology;
  }

  void find(MaskTokens tokens, List<Span> out) {
    for (int i = 0; i < tokens.size(); i++) {
      Tok t = tokens.get(i);
      if (poBox(tokens, i, out) || postcodeAndTown(tokens, i, out)) {
        continue;
      }
      if (!t.isWord() || !t.isCapitalised()) {
        continue;
      }
      // "Hakaniemen torilla 1", "Pohjoinen Rautatiekatu 5": a street name of two words.
      int name = i;
      Tok second = tokens.at(i + 1);
      if (second != null && second.isWord() && tokens.follows(i + 1) && isHouseNumber(tokens.at(i + 2))
          && tokens.follows(i + 2) && (isStreetHead(second.lower()) && isGenitive(t)
              || second.isCapitalised() && DIRECTIONS.contains(t.lower()) && isStreetName(second))) {
        name = i + 1;
      }
      if (!isHouseNumber(tokens.at(name + 1)) || !tokens.follows(name + 1)) {
        continue;
      }
      int last = houseNumberEnd(tokens, name + 1);
      boolean extended = last > name + 1;
      Tok after = tokens.at(last + 1);
      if (!extended && after != null && tokens.follows(last + 1) && isUnit(after)) {
        continue;
      }
      if (name > i || isStreetName(t) || hasCueBefore(tokens, i) && !isPlaceName(t) || isPostcodeAt(tokens, last + 1)) {
        out.add(new Span(t.start(), tokens.get(last).end(), PersonalDataMasker.ADDRESS));
        i = last;
      }
    }
  }

  /** "PL 123", "Postilokero 45", "PB 12": the word and the number. */
  private static boolean poBox(MaskTokens tokens, int i, List<Span> out) {
    Tok t = tokens.get(i);
    boolean word = PO_BOX_WORDS.contains(t.text()) || t.lower().startsWith("postilokero");
    Tok number = tokens.at(i + 1);
    if (!word || number == null || !number.isNumber() || number.text().length() > 5 || !tokens.follows(i + 1)) {
      return false;
    }
    out.add(new Span(t.start(), number.end(), PersonalDataMasker.ADDRESS));
    return true;
  }

  /** "00100 Helsinki": five digits standing alone, then a capitalised word that is not a counted thing. */
  private boolean postcodeAndTown(MaskTokens tokens, int i, List<Span> out) {
    if (!isPostcodeAt(tokens, i)) {
      return false;
    }
    Tok town = tokens.get(i + 1);
    out.add(new Span(tokens.get(i).start(), town.end(), PersonalDataMasker.ADDRESS));
    return true;
  }

  private boolean isPostcodeAt(MaskTokens tokens, int i) {
    Tok code = tokens.at(i);
    Tok town = tokens.at(i + 1);
    if (code == null || town == null || !code.isNumber() || code.text().length() != 5 || !tokens.follows(i + 1)
        || !town.isWord() || !town.isCapitalised() || isUnit(town)) {
      return false;
    }
    Tok before = tokens.at(i - 1);
    // "45 00100" or "1,00100" is part of a longer number.
    if (before != null && tokens.touches(i) && (before.is(",") || before.is(".") || before.isNumber())) {
      return false;
    }
    // Postal style writes the town in capitals ("00027 VALTIONEUVOSTO"); that is no common word.
    boolean capitals = town.text().length() > 1 && town.text().equals(town.text().toUpperCase(Locale.ROOT));
    return morphology == null || capitals || !isCommonWord(town);
  }

  private static boolean isHouseNumber(Tok t) {
    return t != null && t.isNumber() && t.text().length() <= 4 && t.text().charAt(0) != '0';
  }

  /** The last token of a house number: "11-13", "5 B 12", "4 as 6", "10b". */
  private static int houseNumberEnd(MaskTokens tokens, int n) {
    int last = n;
    Tok next = tokens.at(last + 1);
    if (next != null && (next.is("-") || next.is("–")) && tokens.touches(last + 1) && isHouseNumber(tokens.at(last + 2))
        && tokens.touches(last + 2)) {
      last += 2;
      next = tokens.at(last + 1);
    }
    if (next != null && tokens.follows(last + 1) && STAIRS.contains(next.lower()) && next.text().length() == 1) {
      last++;
      Tok flat = tokens.at(last + 1);
      if (flat != null && flat.isNumber() && flat.text().length() <= 3 && tokens.follows(last + 1)) {
        last++;
      }
    } else if (next != null && tokens.follows(last + 1) && FLAT_WORDS.contains(next.lower())) {
      int k = last + 2;
      if (tokens.at(k) != null && tokens.at(k).is(".")) {
        k++;
      }
      Tok flat = tokens.at(k);
      if (flat != null && flat.isNumber() && flat.text().length() <= 3) {
        last = k;
      }
    }
    return last;
  }

  private boolean isStreetName(Tok t) {
    String w = t.lower();
    for (String road : ROADS) {
      if (w.startsWith(road)) {
        return false;
      }
    }
    boolean spelt = false;
    for (String head : STREET_HEADS) {
      int at = w.lastIndexOf(head);
      if ((at >= 1 || at == 0 && WHOLE_NAMES.contains(head)) && w.length() - at - head.length() <= 5) {
        spelt = true;
        break;
      }
    }
    if (!spelt || morphology == null) {
      return spelt;
    }
    List<WordAnalysis> readings = morphology.analyse(t.text());
    if (readings.isEmpty()) {
      return true;
    }
    for (WordAnalysis r : readings) {
      String lemma = r.lemma().toLowerCase(Locale.ROOT);
      for (String head : STREET_LEMMAS) {
        if (lemma.endsWith(head) && (lemma.length() > head.length() || WHOLE_NAMES.contains(head))) {
          return true;
        }
      }
    }
    return false;
  }

  /** "Hakaniemen" of "Hakaniemen tori": a genitive, and not "Asun" of "Asun torilla". */
  private boolean isGenitive(Tok t) {
    if (!t.lower().endsWith("n") || ADDRESS_CUES.contains(t.lower())) {
      return false;
    }
    List<WordAnalysis> readings = morphology == null ? List.of() : morphology.analyse(t.text());
    return readings.isEmpty() || readings.stream().anyMatch(r -> "omanto".equals(r.grammaticalCase()));
  }

  /** A street head standing alone, inflected at most: "tori", "torilla", "kadulla". */
  private static boolean isStreetHead(String word) {
    for (String head : STREET_HEADS) {
      if (word.startsWith(head) && word.length() - head.length() <= 5) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasCueBefore(MaskTokens tokens, int i) {
    for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
      Tok t = tokens.get(k);
      if (ADDRESS_CUES.contains(t.lower())) {
        return true;
      }
      if (t.is(".") || t.is("!") || t.is("?")) {
        return false;
      }
    }
    return false;
  }

  /** A municipality or other place: "Asun Seinäjoella 3 vuotta" names no address. */
  private boolean isPlaceName(Tok t) {
    if (morphology == null) {
      return false;
    }
    for (WordAnalysis r : morphology.analyse(t.text())) {
      if ("paikannimi".equals(r.wordClass())) {
        return true;
      }
    }
    return false;
  }

  /** A word the morphology knows only as a common word: "12000 Euroa" is no town. */
  private boolean isCommonWord(Tok t) {
    List<WordAnalysis> readings = morphology.analyse(t.text());
    return !readings.isEmpty() && readings.stream().noneMatch(WordAnalysis::isProperNoun);
  }

  private static boolean isUnit(Tok t) {
    String w = t.lower();
    for (String unit : UNIT_PREFIXES) {
      if (w.equals(unit) || unit.length() > 2 && w.startsWith(unit)) {
        return true;
      }
    }
    return false;
  }
}
