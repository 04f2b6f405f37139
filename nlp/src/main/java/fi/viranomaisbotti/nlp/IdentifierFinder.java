package fi.viranomaisbotti.nlp;

import fi.viranomaisbotti.nlp.PersonalDataMasker.Span;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds identifiers written by their own syntax: henkilötunnus (checksum-validated), e-mail
 * addresses (also written "(at)" or "[at]"), phone numbers and IBANs (checksum-validated).
 * Stateless and thread-safe.
 *
 * <p>Every pattern here has only bounded repetition ({@code \d{3}}, {@code (?:…){5,8}}) and starts
 * with a look-behind that fails at once inside a word or number, so one match attempt reads a
 * bounded stretch of text and a whole search is linear. E-mail addresses, whose parts are
 * unbounded, are found by a scan outwards from each "@".
 */
final class IdentifierFinder {
  private static final String CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
  private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";
  /**
   * Century signs: + 1800s; - Y X W V U 1900s; A B C D E F 2000s (the letters other than A since
   * 2023). People also type a space or a dash-like character (–, —, ‐, −) for the hyphen; the
   * checksum, which does not involve the sign, still decides.
   */
  private static final Pattern HETU =
      Pattern.compile(NOT_WORD_BEFORE
          + "(\\d{2})(\\d{2})(\\d{2})([-+ABCDEFYXWVUabcdefyxwvu \\u2010-\\u2015\\u2212])(\\d{3})([0-9A-Ya-y])" + NOT_WORD_AFTER);
  private static final Pattern IBAN =
      Pattern.compile(NOT_WORD_BEFORE + "([A-Za-z]{2}\\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?\\d{1,3})?)" + NOT_WORD_AFTER);
  /** A number goes on after "12,5" or "091-001-0001-0001"; a full stop ending the sentence does not. */
  private static final String NOT_NUMBER_AFTER = "(?!\\d)(?![-.,]\\d)";
  private static final String SEP = "[ \\t\\u00A0-]";
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}+-])(?:(?:\\+|00)358" + SEP + "?(?:\\(0\\)" + SEP + "?)?\\d{1,3}|\\(0\\d{1,3}\\)|0\\d{1,3})"
              + "(?:" + SEP + "?\\d){5,8}" + NOT_NUMBER_AFTER);
  /**
   * The country code without its "+" ("358 40 123 4567"): the number after it must be a whole
   * Finnish subscriber number (at least seven digits, not starting with the trunk 0), so that an
   * amount such as "358 000" stays.
   */
  private static final Pattern PHONE_WITHOUT_PLUS =
      Pattern.compile("(?<![\\p{L}\\p{N}+.,-])358" + SEP + "?[1-9](?:" + SEP + "?\\d){6,9}" + NOT_NUMBER_AFTER);
  private static final Pattern BUSINESS_ID = Pattern.compile("\\d{7}-\\d");

  /** The "@" as people write it to fool harvesters, longest first; matched in lower case. */
  private static final List<String> AT_SIGNS = List.of("(at)", "[at]", "{at}", "(ät)", "(a)", "[a]");
  private static final List<String> DOTS = List.of("(dot)", "[dot]", "(piste)", "[piste]");

  void find(String text, List<Span> out) {
    Matcher m = HETU.matcher(text);
    while (m.find()) {
      if (isValidHetu(m)) {
        out.add(new Span(m.start(), m.end(), PersonalDataMasker.HETU));
      }
    }
    emails(text, out);
    m = IBAN.matcher(text);
    while (m.find()) {
      if (isValidIban(m.group(1))) {
        out.add(new Span(m.start(), m.end(), PersonalDataMasker.IBAN));
      }
    }
    for (Pattern p : List.of(PHONE, PHONE_WITHOUT_PLUS)) {
      m = p.matcher(text);
      while (m.find()) {
        if (!BUSINESS_ID.matcher(m.group()).matches()) {
          out.add(new Span(m.start(), m.end(), PersonalDataMasker.PHONE));
        }
      }
    }
  }

  /**
   * Each "@" (or a written-out one) with a local part before it and a domain of dot-separated
   * labels after it, the last of them a top-level domain of letters. The scans stop at the next
   * or previous "@", so every character is read a bounded number of times.
   */
  private static void emails(String text, List<Span> out) {
    int lastEnd = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int atLength = c == '@' ? 1 : c == '(' || c == '[' || c == '{' ? writtenAs(AT_SIGNS, text, i) : 0;
      if (atLength == 0) {
        continue;
      }
      boolean written = atLength > 1;
      int localEnd = written && i > 0 && text.charAt(i - 1) == ' ' ? i - 1 : i;
      int start = localEnd;
      while (start > lastEnd && isLocalPart(text.charAt(start - 1))) {
        start--;
      }
      int domainStart = i + atLength;
      if (written && domainStart < text.length() && text.charAt(domainStart) == ' ') {
        domainStart++;
      }
      int end = domainEnd(text, domainStart);
      if (start < localEnd && end > 0) {
        out.add(new Span(start, end, PersonalDataMasker.EMAIL));
        lastEnd = end;
        i = end - 1;
      }
    }
  }

  /** The length of the spelt-out form (one of {@code forms}) that starts at {@code i}, or 0. */
  private static int writtenAs(List<String> forms, String text, int i) {
    for (String form : forms) {
      if (text.regionMatches(true, i, form, 0, form.length())) {
        return form.length();
      }
    }
    return 0;
  }

  /** The end of "label(.label)+" whose last label is at least two letters, or -1. */
  private static int domainEnd(String text, int from) {
    int i = label(text, from);
    if (i == from) {
      return -1;
    }
    int end = -1;
    while (i < text.length()) {
      int dot = text.charAt(i) == '.' ? 1 : writtenAs(DOTS, text, i);
      if (dot == 0) {
        break;
      }
      int next = label(text, i + dot);
      if (next == i + dot) {
        break;
      }
      if (next - (i + dot) >= 2 && text.substring(i + dot, next).chars().allMatch(Character::isLetter)) {
        end = next;
      }
      i = next;
    }
    return end;
  }

  private static int label(String text, int from) {
    int i = from;
    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-')) {
      i++;
    }
    return i;
  }

  private static boolean isLocalPart(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
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
