package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.nlp.Entity;
import fi.viranomaisbotti.nlp.Token;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds quantities with units (also numerals written as words, in any case), business forms,
 * ages, and dates and seasons in one analysed sentence. Relative dates ("ensi kesänä") are
 * resolved against the injected clock. Immutable and thread-safe.
 */
final class EntityRecogniser {
  private static final Pattern NUMBER = Pattern.compile("(\\d+(?:[.,]\\d+)?)(?::\\p{L}+)?");
  private static final Pattern DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})");
  private static final Pattern AGE = Pattern.compile("(\\d{1,3})-?v(?:uotia\\p{L}*|\\.)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d(:\\p{L}+)?");
  private static final Pattern GROUP_START = Pattern.compile("\\d{1,3}");
  private static final Pattern GROUP = Pattern.compile("\\d{3}");
  private static final Pattern YEAR_WORD = Pattern.compile("vuo(si|nna|den|teen|desta|tta|det|sia|sina)");
  private static final Pattern AGE_WORD = Pattern.compile("(\\d{1,3})-vuotia\\p{L}*", Pattern.CASE_INSENSITIVE);

  private static final Set<String> APPROXIMATE =
      Set.of("noin", "n", "suunnilleen", "arviolta", "about", "karkeasti", "lähes", "melkein", "vajaa",
          "reilu", "kutakuinkin", "piirtein", "ehkä", "ca");
  private static final Set<String> AT_LEAST = Set.of("yli", "vähintään", "ainakin", "min");
  private static final Set<String> AT_MOST = Set.of("alle", "enintään", "korkeintaan", "max", "maksimissaan", "maksimi");
  private static final Map<String, String> SYMBOL_UNITS =
      Map.ofEntries(
          Map.entry("€", "euro"), Map.entry("e", "euro"), Map.entry("eur", "euro"), Map.entry("%", "prosentti"),
          Map.entry("m2", "neliömetri"), Map.entry("m²", "neliömetri"), Map.entry("neliö", "neliömetri"),
          Map.entry("ha", "hehtaari"), Map.entry("kg", "kilogramma"), Map.entry("km", "kilometri"),
          Map.entry("t", "tonni"), Map.entry("l", "litra"), Map.entry("h", "tunti"), Map.entry("m3", "kuutiometri"),
          Map.entry("m³", "kuutiometri"), Map.entry("kpl", "kappale"), Map.entry("hlö", "henkilö"),
          Map.entry("hlöä", "henkilö"));
  private static final Map<String, String[]> BUSINESS_FORMS =
      Map.ofEntries(
          Map.entry("tmi", new String[] {"tmi", "toiminimi"}),
          Map.entry("toiminimi", new String[] {"tmi", "toiminimi"}),
          Map.entry("elinkeinonharjoittaja", new String[] {"tmi", "toiminimi"}),
          Map.entry("oy", new String[] {"oy", "osakeyhtiö"}),
          Map.entry("osakeyhtiö", new String[] {"oy", "osakeyhtiö"}),
          Map.entry("oyj", new String[] {"oyj", "julkinen osakeyhtiö"}),
          Map.entry("ay", new String[] {"ay", "avoin yhtiö"}),
          Map.entry("ky", new String[] {"ky", "kommandiittiyhtiö"}),
          Map.entry("kommandiittiyhtiö", new String[] {"ky", "kommandiittiyhtiö"}),
          Map.entry("osuuskunta", new String[] {"osk", "osuuskunta"}),
          Map.entry("osk", new String[] {"osk", "osuuskunta"}));
  private static final List<String> MONTHS =
      List.of("tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu", "elokuu",
          "syyskuu", "lokakuu", "marraskuu", "joulukuu");
  /** Season → first month; each lasts three months (Finnish meteorological convention). */
  private static final Map<String, Integer> SEASONS = Map.of("kevät", 3, "kesä", 6, "syksy", 9, "talvi", 12);
  private static final Map<String, String> SEASON_LABELS =
      Map.of("kevät", "kevät", "kesä", "kesä", "syksy", "syksy", "talvi", "talvi");
  private static final Set<String> NEXT = Set.of("ensi", "seuraava", "tuleva");
  private static final Set<String> THIS = Set.of("tämä", "kuluva", "nykyinen");
  private static final Set<String> BE = Set.of("olen", "oon", "olin", "olemme", "täytän", "täytin");

  private final Clock clock;

  EntityRecogniser(Clock clock) {
    this.clock = clock;
  }

  /** Entities in one sentence's tokens, in text order; each token belongs to at most one. */
  public List<Entity> recognise(List<Token> tokens, int sentence) {
    List<Entity> out = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    int i = 0;
    while (i < tokens.size()) {
      int next = date(tokens, i, sentence, today, out);
      if (next == i) {
        next = age(tokens, i, sentence, out);
      }
      if (next == i) {
        next = businessForm(tokens, i, sentence, out);
      }
      if (next == i) {
        next = quantity(tokens, i, sentence, out);
      }
      i = next == i ? i + 1 : next;
    }
    return out;
  }

  // ---------------------------------------------------------------- dates

  private int date(List<Token> w, int i, int sentence, LocalDate today, List<Entity> out) {
    Token t = w.get(i);
    Matcher m = DATE.matcher(t.text());
    if (m.matches()) {
      int year = Integer.parseInt(m.group(3));
      year = year < 100 ? 2000 + year : year;
      try {
        LocalDate d = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        out.add(entity(Entity.DATE, w, i, i, sentence, d.toString(), d.toString(), Map.of("precision", "day")));
        return i + 1;
      } catch (DateTimeException e) {
        return i; // "31.2.2027" is not a date; leave it as a number
      }
    }
    String lemma = lower(t.lemma());
    Token before = i > 0 ? w.get(i - 1) : null;
    boolean next = before != null && NEXT.contains(lower(before.lemma()));
    boolean current = before != null && THIS.contains(lower(before.lemma()));
    int first = next || current ? i - 1 : i;
    int month = MONTHS.indexOf(lemma) + 1;
    if (month > 0) {
      int end = i;
      Integer year = yearAfter(w, i);
      if (year != null) {
        end = i + 1;
      } else {
        year = today.getMonthValue() <= month ? today.getYear() : today.getYear() + 1;
        if (next && today.getMonthValue() == month) {
          year++;
        }
      }
      YearMonth ym = YearMonth.of(year, month);
      out.add(entity(Entity.DATE, w, first, end, sentence, interval(ym.atDay(1), ym.atEndOfMonth()),
          MONTHS.get(month - 1) + " " + year, Map.of("precision", "month")));
      return end + 1;
    }
    Integer seasonStart = SEASONS.get(lemma);
    if (seasonStart != null && t.compoundParts().size() == 1) {
      Integer explicitYear = yearAfter(w, i);
      LocalDate start;
      int end = i;
      if (explicitYear != null) {
        start = LocalDate.of(explicitYear, seasonStart, 1);
        end = i + 1;
      } else {
        start = seasonStart(today, seasonStart, next);
      }
      LocalDate last = start.plusMonths(3).minusDays(1);
      String label = SEASON_LABELS.get(lemma) + " " + (seasonStart == 12 ? start.getYear() + "–" + last.getYear() : start.getYear());
      out.add(entity(Entity.DATE, w, first, end, sentence, interval(start, last), label, Map.of("precision", "season")));
      return end + 1;
    }
    if (isYear(t) && (next || current)) {
      int year = today.getYear() + (next ? 1 : 0);
      out.add(yearEntity(w, first, i, sentence, year));
      return i + 1;
    }
    if (isYear(t) && yearAfter(w, i) != null) {
      out.add(yearEntity(w, i, i + 1, sentence, yearAfter(w, i)));
      return i + 2;
    }
    if (lemma.equals("kuu") && (next || current)) {
      YearMonth ym = YearMonth.from(today).plusMonths(next ? 1 : 0);
      out.add(entity(Entity.DATE, w, first, i, sentence, interval(ym.atDay(1), ym.atEndOfMonth()),
          MONTHS.get(ym.getMonthValue() - 1) + " " + ym.getYear(), Map.of("precision", "month")));
      return i + 1;
    }
    if (lemma.equals("viikko") && (next || current)) {
      LocalDate monday = today.with(DayOfWeek.MONDAY).plusWeeks(next ? 1 : 0);
      out.add(entity(Entity.DATE, w, first, i, sentence, interval(monday, monday.plusDays(6)),
          "viikko alkaen " + monday, Map.of("precision", "week")));
      return i + 1;
    }
    return i;
  }

  /** The season of that kind now going on or next to come; with "ensi", the next one to start. */
  private static LocalDate seasonStart(LocalDate today, int firstMonth, boolean next) {
    LocalDate start = LocalDate.of(today.getYear(), firstMonth, 1);
    if (firstMonth == 12 && today.getMonthValue() <= 2) {
      start = start.minusYears(1);
    }
    LocalDate end = start.plusMonths(3);
    if (next ? !start.isAfter(today) : !end.isAfter(today)) {
      start = start.plusYears(1);
    }
    return start;
  }

  private Entity yearEntity(List<Token> w, int from, int to, int sentence, int year) {
    return entity(Entity.DATE, w, from, to, sentence,
        interval(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)), "vuosi " + year, Map.of("precision", "year"));
  }

  private static Integer yearAfter(List<Token> w, int i) {
    if (i + 1 < w.size() && YEAR.matcher(w.get(i + 1).text()).matches()) {
      return Integer.parseInt(w.get(i + 1).text().substring(0, 4));
    }
    return null;
  }

  private static String interval(LocalDate a, LocalDate b) {
    return a + "/" + b;
  }

  // ---------------------------------------------------------------- ages

  private int age(List<Token> w, int i, int sentence, List<Entity> out) {
    Token t = w.get(i);
    Matcher m = AGE_WORD.matcher(t.text());
    if (m.matches()) {
      out.add(ageEntity(w, i, i, sentence, m.group(1)));
      return i + 1;
    }
    Matcher n = NUMBER.matcher(t.text());
    if (!n.matches() || n.group(1).length() > 3 || n.group(1).contains(".") || n.group(1).contains(",") || i == 0) {
      return i;
    }
    String before = lower(w.get(i - 1).text());
    boolean agePhrase = BE.contains(before) || lower(w.get(i - 1).lemma()).equals("ikä")
        || i >= 2 && lower(w.get(i - 2).lemma()).equals("ikä");
    if (!agePhrase) {
      return i;
    }
    Token after = i + 1 < w.size() ? w.get(i + 1) : null;
    if (after == null || !after.isWord() || !"NOUN".equals(after.pos()) && !"X".equals(after.pos()) && !isYear(after)) {
      out.add(ageEntity(w, i, i, sentence, n.group(1)));
      return i + 1;
    }
    Matcher unit = AGE.matcher(n.group(1) + lower(after.text()));
    if (isYear(after) || lower(after.text()).equals("v") || unit.matches()) {
      out.add(ageEntity(w, i, i + 1, sentence, n.group(1)));
      return i + 2;
    }
    return i;
  }

  private Entity ageEntity(List<Token> w, int from, int to, int sentence, String years) {
    return entity(Entity.AGE, w, from, to, sentence, years, years + " vuotta", Map.of());
  }

  // ---------------------------------------------------------------- business forms

  private int businessForm(List<Token> w, int i, int sentence, List<Entity> out) {
    String lemma = stripSuffix(lower(w.get(i).lemma()));
    String text = stripSuffix(lower(w.get(i).text()));
    String nextLemma = i + 1 < w.size() ? lower(w.get(i + 1).lemma()) : "";
    if ((lemma.equals("avoin") || lemma.equals("julkinen")) && nextLemma.equals(lemma.equals("avoin") ? "yhtiö" : "osakeyhtiö")) {
      String[] form = lemma.equals("avoin") ? new String[] {"ay", "avoin yhtiö"} : new String[] {"oyj", "julkinen osakeyhtiö"};
      out.add(entity(Entity.BUSINESS_FORM, w, i, i + 1, sentence, form[0], form[1], Map.of()));
      return i + 2;
    }
    if (lemma.equals("yksityinen") && nextLemma.equals("elinkeinonharjoittaja")) {
      out.add(entity(Entity.BUSINESS_FORM, w, i, i + 1, sentence, "tmi", "toiminimi", Map.of()));
      return i + 2;
    }
    String[] form = BUSINESS_FORMS.get(lemma);
    if (form == null) {
      form = BUSINESS_FORMS.get(text);
    }
    if (form == null || lemma.equals("elinkeinonharjoittaja")) {
      return i;
    }
    out.add(entity(Entity.BUSINESS_FORM, w, i, i, sentence, form[0], form[1], Map.of()));
    return i + 1;
  }

  private static String stripSuffix(String s) {
    int colon = s.indexOf(':');
    return colon > 0 ? s.substring(0, colon) : s;
  }

  // ---------------------------------------------------------------- quantities

  private int quantity(List<Token> w, int i, int sentence, List<Entity> out) {
    Token t = w.get(i);
    BigDecimal value;
    int end = i;
    Matcher n = NUMBER.matcher(t.text());
    if (n.matches()) {
      String digits = n.group(1);
      // "10 000" is written with a space between groups of three.
      while (GROUP_START.matcher(digits).matches() && end + 1 < w.size() && GROUP.matcher(w.get(end + 1).text()).matches()
          && w.get(end + 1).start() == w.get(end).end() + 1) {
        end++;
        digits += w.get(end).text();
      }
      value = new BigDecimal(digits.replace(',', '.'));
    } else if ("NUM".equals(t.pos()) || "lukusana".equals(t.wordClass())) {
      OptionalLong v = FinnishNumerals.value(lower(t.lemma()));
      if (v.isEmpty()) {
        return i;
      }
      value = BigDecimal.valueOf(v.getAsLong());
    } else {
      return i;
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    int first = i;
    if (i > 0) {
      int q = i - 1;
      if (w.get(q).text().equals(".") && q > 0) {
        q--;
      }
      String before = lower(w.get(q).text());
      if (APPROXIMATE.contains(before)) {
        attributes.put("approximate", "true");
        first = q;
      } else if (AT_LEAST.contains(before)) {
        attributes.put("bound", "min");
        first = q;
      } else if (AT_MOST.contains(before)) {
        attributes.put("bound", "max");
        first = q;
      }
    }
    String unit = null;
    int u = end + 1;
    if (u < w.size() && w.get(u).isWord() && "ADJ".equals(w.get(u).pos()) && u + 1 < w.size() && "NOUN".equals(w.get(u + 1).pos())) {
      u++; // "600 uutta sikapaikkaa"
    }
    if (u < w.size()) {
      Token after = w.get(u);
      String symbol = SYMBOL_UNITS.get(lower(after.text()));
      if (symbol != null) {
        unit = symbol;
      } else if (after.isWord() && ("NOUN".equals(after.pos()) || "X".equals(after.pos()) && !after.known())
          && !Character.isDigit(after.text().charAt(0))) {
        unit = lower(after.lemma());
      }
    }
    if (unit != null) {
      attributes.put("unit", unit);
      end = u;
    }
    String number = value.stripTrailingZeros().toPlainString();
    String label = unit == null ? number : number + " " + unit;
    out.add(entity(Entity.QUANTITY, w, first, end, sentence, number, label, attributes));
    return end + 1;
  }

  // ---------------------------------------------------------------- helpers

  /** "vuosi" in any form; checked on the text too, since "vuotta" also reads as "vuo" (a stream). */
  private static boolean isYear(Token t) {
    return lower(t.lemma()).equals("vuosi") || YEAR_WORD.matcher(lower(t.text())).matches();
  }

  private static Entity entity(
      String type, List<Token> w, int from, int to, int sentence, String value, String label, Map<String, String> attributes) {
    Token a = w.get(from);
    Token b = w.get(to);
    StringBuilder text = new StringBuilder();
    for (int k = from; k <= to; k++) {
      Token t = w.get(k);
      if (k > from && t.start() > w.get(k - 1).end()) {
        text.append(' ');
      }
      text.append(t.text());
    }
    return new Entity(type, text.toString(), value, label, sentence, a.start(), b.end(), attributes);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
