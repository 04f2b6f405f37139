package fi.viranomaisbotti.nlp;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Random text for robustness tests, in the manner of Lucene's analysis tests: Unicode from many
 * scripts (astral planes, combining marks, lone surrogates, every kind of space), long repetitions
 * of the separators that once broke the tokenizer ("a-", "1.", "a@b."), fragments that look like
 * personal data, and real Finnish, up to the longest text the analyser accepts. The seed is fixed
 * ({@value #DEFAULT_SEED}) unless the system property {@code tests.seed} gives another, and a failure
 * names the seed and the case so that it can be run again.
 */
public final class RandomText {
  static final long DEFAULT_SEED = 0x5EEDL;

  private static final List<String> SEPARATOR_UNITS =
      List.of("a-", "1.", "1,", "a:", "a'", "ä-", "a@b.", "b.", "a.", "A. ", "!", "?", "-", "–", "@", "(at)", "..", "\n",
          "\n\n", " ", "1 ", "358 ", "040 ", "PL ", "Kotikatu 1 ", "Matti ", "x", "ei ", "en ", "ja ", "0", "’", ":", "a1",
          "e\u0301", "\u00A0", "🙂", "𝐀", "-1", ",1");
  private static final List<String> WORDS =
      List.of("Haluan", "perustaa", "kahvilan", "Seinäjoelle", "en", "myy", "alkoholia", "enkä", "tupakkaa", "jos",
          "palkkaan", "työntekijän", "sikalaan", "tulee", "600", "sikapaikkaa", "ensi", "kesänä", "y-tunnus", "EU:n",
          "26-vuotias", "1.6.2027", "10 000", "€", "Oy", "Matti", "Meikäläinen", "131052-308T", "040 123 4567",
          "liisa@example.fi", "matti(at)example.com", "FI21 1234 5600 0007 85", "Esplanadi 1", "PL 123", "00100",
          "Helsinki", "synnyin", "13.10.1952", "nimeni", "on", "Terveisin", "?", ".", ",", "ymparistolupa", "mä", "tarttee");
  /** Code point ranges to draw from: ASCII, Latin-1 and Latin Extended, combining marks, Greek, Cyrillic, Hebrew, Arabic, Devanagari, Thai, CJK, Hangul, emoji, mathematical letters, CJK Extension B. */
  private static final int[][] RANGES = {
      {0x20, 0x7E}, {0xA0, 0x24F}, {0x300, 0x36F}, {0x370, 0x3FF}, {0x400, 0x4FF}, {0x590, 0x5FF}, {0x600, 0x6FF},
      {0x900, 0x97F}, {0xE00, 0xE7F}, {0x2000, 0x206F}, {0x4E00, 0x4FFF}, {0xAC00, 0xAD00}, {0x1F300, 0x1F6FF},
      {0x1D400, 0x1D7FF}, {0x20000, 0x200FF}, {0xD800, 0xDFFF}, {0x0, 0x1F}};

  private final Random random;

  private RandomText(long seed) {
    this.random = new Random(seed);
  }

  static long seed() {
    return Long.getLong("tests.seed", DEFAULT_SEED);
  }

  /**
   * Runs {@code check} on {@code cases} random texts of at most {@code maxLength} characters; a
   * failure is rethrown naming the seed, the case and the start of the text.
   */
  public static void check(int cases, int maxLength, Consumer<String> check) {
    long seed = seed();
    RandomText texts = new RandomText(seed);
    for (int i = 0; i < cases; i++) {
      String text = texts.next(maxLength);
      try {
        check.accept(text);
      } catch (AssertionError | RuntimeException | StackOverflowError e) {
        throw new AssertionError(String.format(Locale.ROOT,
            "Failed on random text %d of %d (seed %d; rerun with -Dtests.seed=%d), %d characters, starting: %s",
            i, cases, seed, seed, text.length(), escape(text)), e);
      }
    }
  }

  /** One text: a mix of random code points, repeated separators and real Finnish, or mostly one of them. */
  String next(int maxLength) {
    int length = random.nextInt(10) == 0 ? maxLength : random.nextInt(Math.min(maxLength, 300) + 1);
    StringBuilder sb = new StringBuilder(length + 32);
    int style = random.nextInt(4);
    while (sb.length() < length) {
      int kind = style == 3 ? random.nextInt(3) : style;
      switch (kind) {
        case 0 -> {
          int[] range = RANGES[random.nextInt(RANGES.length)];
          int n = 1 + random.nextInt(20);
          for (int k = 0; k < n; k++) {
            int cp = range[0] + random.nextInt(range[1] - range[0] + 1);
            if (cp >= 0xD800 && cp <= 0xDFFF) {
              sb.append((char) cp); // a lone surrogate, as a careless client may send
            } else {
              sb.appendCodePoint(cp);
            }
          }
        }
        case 1 -> sb.append(SEPARATOR_UNITS.get(random.nextInt(SEPARATOR_UNITS.size())).repeat(1 + random.nextInt(length / 2 + 1)));
        default -> sb.append(WORDS.get(random.nextInt(WORDS.size()))).append(random.nextInt(5) == 0 ? "" : " ");
      }
    }
    return sb.length() > length ? cut(sb, length) : sb.toString();
  }

  private static String cut(StringBuilder sb, int length) {
    return sb.substring(0, length);
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(120).forEach(cp -> {
      if (cp >= 0x20 && cp < 0x7F) {
        out.appendCodePoint(cp);
      } else {
        out.append(String.format(Locale.ROOT, "\\u{%X}", cp));
      }
    });
    return out + (text.codePointCount(0, text.length()) > 120 ? "…" : "");
  }
}
