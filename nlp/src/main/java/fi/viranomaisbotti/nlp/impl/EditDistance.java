package fi.viranomaisbotti.nlp.impl;

/** Edit distances between words (optimal string alignment: swaps of neighbours count one). Stateless. */
final class EditDistance {
  private EditDistance() {}

  /** True if one insertion, deletion, substitution or swap of neighbours turns a into b, or a equals b. */
  static boolean withinOne(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == la && i == lb) {
      return true;
    }
    if (la == lb) {
      if (a.substring(i + 1).equals(b.substring(i + 1))) {
        return true;
      }
      return i + 1 < la
          && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i)
          && a.substring(i + 2).equals(b.substring(i + 2));
    }
    return la > lb ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
  }

  /**
   * The number of insertions, deletions, substitutions and swaps of neighbours that turn a into b,
   * or {@code limit + 1} as soon as it is known to exceed {@code limit}.
   */
  static int distance(String a, String b, int limit) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > limit) {
      return limit + 1;
    }
    int[][] d = new int[la + 1][lb + 1];
    for (int i = 0; i <= la; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= lb; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= la; i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= lb; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
    }
    return Math.min(d[la][lb], limit + 1);
  }
}
