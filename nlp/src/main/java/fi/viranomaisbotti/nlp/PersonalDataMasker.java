package fi.viranomaisbotti.nlp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data with placeholders before text is logged or stored: Finnish personal
 * identity codes (checksum-validated, every century sign), e-mail addresses, phone numbers and
 * Finnish IBANs. Ordinary numbers ("600 sikapaikkaa") stay. Stateless and thread-safe.
 */
public final class PersonalDataMasker {
  static final String HETU = "[HENKILÖTUNNUS]";
  static final String EMAIL = "[SÄHKÖPOSTI]";
  static final String PHONE = "[PUHELIN]";
  static final String IBAN = "[TILINUMERO]";

  private static final String CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  private static final Pattern HETU_PATTERN =
      Pattern.compile("(?<![\\p{L}\\p{N}])(\\d{2})(\\d{2})(\\d{2})([-+ABCDEFYXWVU])(\\d{3})([0-9A-Ya-y])(?![\\p{L}\\p{N}])");
  private static final Pattern EMAIL_PATTERN =
      Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
  private static final Pattern IBAN_PATTERN =
      Pattern.compile("(?<![\\p{L}\\p{N}])FI\\s?\\d{2}(?:\\s?\\d{4}){3}\\s?\\d{2}(?!\\d)", Pattern.CASE_INSENSITIVE);
  private static final Pattern PHONE_PATTERN =
      Pattern.compile("(?<![\\p{L}\\p{N}+])(?:\\+358|00358|0)[\\s-]?\\d{1,3}(?:[\\s-]?\\d){5,8}(?!\\d)");

  public String mask(String text) {
    String out = maskHetu(text);
    out = EMAIL_PATTERN.matcher(out).replaceAll(EMAIL);
    out = IBAN_PATTERN.matcher(out).replaceAll(IBAN);
    out = PHONE_PATTERN.matcher(out).replaceAll(PHONE);
    return out;
  }

  private static String maskHetu(String text) {
    Matcher m = HETU_PATTERN.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, isValidHetu(m) ? Matcher.quoteReplacement(HETU) : Matcher.quoteReplacement(m.group()));
    }
    m.appendTail(sb);
    return sb.toString();
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
}
