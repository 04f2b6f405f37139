package fi.viranomaisbotti.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replaces personal data with placeholders before text is logged or stored: Finnish personal
 * identity codes (checksum-validated, every century sign including those of 2023, also with a
 * space or a dash-like character as the sign), e-mail addresses (also "(at)"), phone numbers in
 * Finnish and international formats (also "358 40 …" without the plus), IBANs
 * (checksum-validated), birth dates after a word about birth, street addresses with a house
 * number, PO boxes and postcodes with their town, and, given a {@link Morphology}, personal names.
 * Ordinary numbers, dates, amounts, business IDs ("1234567-8"), municipalities and company names
 * stay. Thread-safe if its morphology is.
 *
 * <p>Every finder reads the text in time linear in its length (see docs/personal-data-masking.md),
 * so any text the analyser accepts is masked in milliseconds.
 */
public final class PersonalDataMasker {
  static final String HETU = "[HENKILÖTUNNUS]";
  static final String EMAIL = "[SÄHKÖPOSTI]";
  static final String PHONE = "[PUHELIN]";
  static final String IBAN = "[TILINUMERO]";
  static final String ADDRESS = "[OSOITE]";
  static final String BIRTH_DATE = "[SYNTYMÄAIKA]";
  static final String NAME = "[NIMI]";

  /** Which kind wins where two finds overlap: the surer first. */
  private static final List<String> PRECEDENCE = List.of(HETU, EMAIL, IBAN, BIRTH_DATE, PHONE, ADDRESS, NAME);

  /**
   * A stretch of personal data in a text.
   *
   * @param placeholder what replaces it, e.g. "[PUHELIN]"
   */
  public record Span(int start, int end, String placeholder) {}

  private final IdentifierFinder identifiers = new IdentifierFinder();
  private final BirthDateFinder birthDates = new BirthDateFinder();
  private final AddressFinder addresses;
  private final NameFinder names;

  /** A masker that goes by spelling alone: names only after "nimeni on", "terveisin" and the like. */
  public PersonalDataMasker() {
    this(null);
  }

  /**
   * A masker that also reads word classes: first names and surnames (Voikko's etunimi and
   * sukunimi), and place names, which are not masked.
   *
   * @param morphology the morphology the analyser uses; its analyses are cached, so asking it again costs little
   */
  public PersonalDataMasker(Morphology morphology) {
    this.addresses = new AddressFinder(morphology);
    this.names = new NameFinder(morphology);
  }

  public String mask(String text) {
    return mask(text, find(text));
  }

  /** The text with the given spans (from {@link #find} on the same text) replaced by their placeholders. */
  public static String mask(String text, List<Span> spans) {
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Span s : spans) {
      out.append(text, at, s.start()).append(s.placeholder());
      at = s.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  /**
   * The personal data in a text, in text order, without overlaps. Where two finds overlap, the
   * one of the surer kind wins: identifiers by their syntax first, names last.
   */
  public List<Span> find(String text) {
    MaskTokens tokens = MaskTokens.of(text);
    List<Span> found = new ArrayList<>();
    identifiers.find(text, found);
    birthDates.find(text, tokens, found);
    addresses.find(tokens, found);
    names.find(tokens, found);
    found.sort(Comparator.comparingInt((Span s) -> PRECEDENCE.indexOf(s.placeholder())).thenComparingInt(Span::start));
    TreeMap<Integer, Span> kept = new TreeMap<>();
    for (Span s : found) {
      if (!overlaps(kept, s)) {
        kept.put(s.start(), s);
      }
    }
    return List.copyOf(kept.values());
  }

  /** Whether a span overlaps one kept already; kept spans never overlap, so two neighbours decide. */
  private static boolean overlaps(TreeMap<Integer, Span> kept, Span s) {
    Map.Entry<Integer, Span> before = kept.floorEntry(s.start());
    if (before != null && before.getValue().end() > s.start()) {
      return true;
    }
    Map.Entry<Integer, Span> after = kept.ceilingEntry(s.start());
    return after != null && after.getValue().start() < s.end();
  }
}
