package fi.viranomaisbotti.nlp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data with placeholders before text is logged or stored: Finnish personal
 * identity codes (checksum-validated, every century sign including those of 2023), e-mail
 * addresses, phone numbers in Finnish and international formats, IBANs (checksum-validated) and
 * street addresses with a house number. Ordinary numbers, dates, amounts and business IDs
 * ("1234567-8") stay. Stateless and thread-safe.
 */
public final class PersonalDataMasker {
  static final String HETU = "[HENKILÖTUNNUS]";
  static final String EMAIL = "[SÄHKÖPOSTI]";
  static final String PHONE = "[PUHELIN]";
  static final String IBAN = "[TILINUMERO]";
  static final String ADDRESS = "[OSOITE]";

  /**
   * A stretch of personal data in a text.
   *
   * @param placeholder what replaces it, e.g. "[PUHELIN]"
   */
  public record Span(int start, int end, String placeholder) {}

  private static final String CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
  private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";
  // Century signs: + 1800s; - Y X W V U 1900s; A B C D E F 2000s (the letters other than A since 2023).
  private static final Pattern HETU_PATTERN =
      Pattern.compile(NOT_WORD_BEFORE + "(\\d{2})(\\d{2})(\\d{2})([-+ABCDEFYXWVUabcdefyxwvu])(\\d{3})([0-9A-Ya-y])" + NOT_WORD_AFTER);
  private static final Pattern EMAIL_PATTERN =
      Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
  private static final Pattern IBAN_PATTERN =
      Pattern.compile(NOT_WORD_BEFORE + "([A-Za-z]{2}\\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?\\d{1,3})?)" + NOT_WORD_AFTER);
  private static final Pattern PHONE_PATTERN =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}+])(?:(?:\\+|00)358[\\s-]?(?:\\(0\\)[\\s-]?)?\\d{1,3}|\\(0\\d{1,3}\\)|0\\d{1,3})"
              + "(?:[\\s-]?\\d){5,8}(?![\\d])");
  private static final Pattern BUSINESS_ID = Pattern.compile("\\d{7}-\\d");
  private static final Pattern ADDRESS_PATTERN =
      Pattern.compile(
          "(?<![\\p{L}])\\p{Lu}[\\p{Ll}-]*"
              + "(?:katu|kadu\\p{Ll}+|tie|tie\\p{Ll}+|kuja\\p{Ll}*|polku|polu\\p{Ll}+|raitti|raiti\\p{Ll}+|väylä\\p{Ll}*"
              + "|kaari|kaare\\p{Ll}+|rinne|rintee\\p{Ll}+|aukio\\p{Ll}*|puistikko|puistikon|puistikolla|ranta|rannan|rannalla"
              + "|mäki|mäe\\p{Ll}+|vägen|väg|gatan|gata|stigen|gränd|gränden|allén)"
              + "\\s+\\d{1,4}(?:[ ]?[A-Za-z](?![\\p{L}]))?(?:[ ]?(?:as\\.?|lh\\.?|bst\\.?)?[ ]?\\d{1,3})?" + NOT_WORD_AFTER);
  /** Main roads are written like streets ("Valtatie 4") but name no one's home. */
  private static final Pattern ROADS = Pattern.compile("(?i)(valta|kanta|seutu|maan|moottori|yhdys)tie\\p{L}*");

  public String mask(String text) {
    List<Span> spans = find(text);
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

  /** The personal data in a text, in text order, without overlaps. */
  public List<Span> find(String text) {
    List<Span> found = new ArrayList<>();
    Matcher m = HETU_PATTERN.matcher(text);
    while (m.find()) {
      if (isValidHetu(m)) {
        add(found, new Span(m.start(), m.end(), HETU));
      }
    }
    m = EMAIL_PATTERN.matcher(text);
    while (m.find()) {
      add(found, new Span(m.start(), m.end(), EMAIL));
    }
    m = IBAN_PATTERN.matcher(text);
    while (m.find()) {
      if (isValidIban(m.group(1))) {
        add(found, new Span(m.start(), m.end(), IBAN));
      }
    }
    m = PHONE_PATTERN.matcher(text);
    while (m.find()) {
      if (!BUSINESS_ID.matcher(m.group()).matches()) {
        add(found, new Span(m.start(), m.end(), PHONE));
      }
    }
    m = ADDRESS_PATTERN.matcher(text);
    while (m.find()) {
      String street = m.group().split("\\s+")[0];
      if (!ROADS.matcher(street).matches()) {
        add(found, new Span(m.start(), m.end(), ADDRESS));
      }
    }
    found.sort(Comparator.comparingInt(Span::start));
    return List.copyOf(found);
  }

  private static void add(List<Span> found, Span s) {
    for (Span f : found) {
      if (s.start() < f.end() && f.start() < s.end()) {
        return;
      }
    }
    found.add(s);
  }

  private static boolean isValidHetu(Matcher m) {
    int day = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    if (day < 1 || day > 31 || month < 1 || month > 12) {
      return false;
    }
    long number = Long.parseLong(m.group(1) + m.group(2) + m.group(3) + m.group(5));
    char expected = CHECK.charAt((int) (number % 31));
    return Character.toUpperCase(m.group(6).charAt(0)) == expected;
  }

  /** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
  static boolean isValidIban(String raw) {
    String iban = raw.replace(" ", "").toUpperCase(Locale.ROOT);
    if (iban.length() < 15 || iban.length() > 34) {
      return false;
    }
    String moved = iban.substring(4) + iban.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : moved.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }
}
