package fi.viranomaisbotti.engine.conversation;

import fi.viranomaisbotti.engine.BadInputException;

/**
 * How an adviser can reach a citizen who asked for a person outside opening hours: a phone number,
 * an e-mail address or both, checked for form. Kept only with the handoff (and so deleted with its
 * conversation); shown only to the adviser who claims it; {@link #toString} masks both, so a log
 * line never carries them. Immutable.
 *
 * @param phone digits with an optional leading "+", or null
 * @param email as given (trimmed), or null
 */
public record ContactDetails(String phone, String email) {
  /** The longest e-mail address SMTP carries (RFC 5321). */
  public static final int MAX_EMAIL = 254;

  /**
   * Checks and normalises what the citizen typed. Messages never repeat the values.
   *
   * @throws BadInputException when both are empty or one is not a phone number or an e-mail address
   */
  public static ContactDetails of(String phone, String email) {
    String p = phone == null || phone.isBlank() ? null : phone(phone.strip());
    String e = email == null || email.isBlank() ? null : email(email.strip());
    if (p == null && e == null) {
      throw new BadInputException("Leave a phone number or an e-mail address (or both) for the adviser to reach you.");
    }
    return new ContactDetails(p, e);
  }

  /** 7–15 digits (E.164 allows 15), spaces, hyphens and brackets between them, "+" only first. */
  private static String phone(String s) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && i == 0) {
        digits.append(c);
      } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
        throw new BadInputException("The phone number may hold digits, spaces, hyphens, brackets and a leading +;"
            + " it has another character.");
      }
    }
    int count = digits.length() - (digits.length() > 0 && digits.charAt(0) == '+' ? 1 : 0);
    if (count < 7 || count > 15) {
      throw new BadInputException("A phone number has 7 to 15 digits, e.g. 040 123 4567 or +358 40 123 4567; this one has "
          + count + ".");
    }
    return digits.toString();
  }

  /** One "@" between a local part and a domain with a dot, no spaces or angle brackets, at most 254 characters. */
  private static String email(String s) {
    int at = s.indexOf('@');
    boolean ok = s.length() <= MAX_EMAIL && at > 0 && at == s.lastIndexOf('@') && at <= 64
        && s.indexOf('.', at) > at + 1 && !s.endsWith(".") && s.indexOf("..") < 0
        && s.chars().noneMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>' || c == ',' || c == ';'
            || Character.isISOControl(c));
    if (!ok) {
      throw new BadInputException("The e-mail address is not of the form name@example.fi.");
    }
    return s;
  }

  /** Masked: which details there are, never what they are. */
  @Override
  public String toString() {
    return "ContactDetails[phone=" + (phone == null ? "none" : "[puhelin]") + ", email=" + (email == null ? "none" : "[sähköposti]")
        + "]";
  }
}
