package fi.viranomaisbotti.nlp.impl;

import java.util.Locale;

/**
 * Reads derived base forms out of Voikko's FSTOUTPUT attribute, where "[Xp]olla[X]ole" is a morph
 * with base form "olla" written "ole", "[Lt]" marks a verb, "[R…]" a participle ending, "[Tn4]"
 * the action-noun ending and "[F…]" a clitic. Stateless.
 */
final class VoikkoFst {
  private VoikkoFst() {}

  /**
   * The verb of a participle: the surfaces before the last verb morph plus that morph's base form,
   * with derivational suffixes of the verb kept ("koristellut" → koristella); null if the output
   * has no verb.
   */
  static String verbOfParticiple(String fst) {
    int verb = fst.lastIndexOf("[Lt]");
    if (verb < 0) {
      return null;
    }
    int end = fst.indexOf("[L", verb + 4);
    int r = fst.indexOf("[R", verb + 4);
    if (end < 0 || (r >= 0 && r < end)) {
      end = r;
    }
    if (end < 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(surface(fst.substring(0, verb)));
    String part = fst.substring(verb + 4, end);
    int lastMorph = Math.max(part.lastIndexOf("[Xp]"), part.lastIndexOf("[Xj]"));
    if (lastMorph < 0) {
      return null;
    }
    out.append(surface(part.substring(0, lastMorph)));
    int close = part.indexOf("[X]", lastMorph + 4);
    if (close < 0) {
      return null;
    }
    // A compound verb's base form marks its boundary: "alle=kirjoittaa".
    out.append(part.substring(lastMorph + 4, close).replace("=", ""));
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** The -minen noun of an action-noun reading ("tutustumisen" → tutustuminen), or null. */
  static String actionNoun(String fst) {
    int t = fst.indexOf("[Tn4]");
    if (t < 0) {
      return null;
    }
    String stem = surface(fst.substring(0, t));
    return stem.isEmpty() ? null : (stem + "minen").toLowerCase(Locale.ROOT);
  }

  /** The written clitics at the end of the word ("kin", "kaan", "pa"), or "" if none. */
  static String clitics(String fst) {
    int f = fst.indexOf("[F");
    return f < 0 ? "" : surface(fst.substring(f));
  }

  /** The written letters of a stretch of output: the text outside tags and outside base forms. */
  static String surface(String fst) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    boolean base = false;
    while (i < fst.length()) {
      char c = fst.charAt(i);
      if (c == '[') {
        int close = fst.indexOf(']', i);
        if (close < 0) {
          break;
        }
        String tag = fst.substring(i + 1, close);
        if (tag.equals("Xp") || tag.equals("Xj") || tag.equals("Xr") || tag.equals("Xs")) {
          base = true;
        } else if (tag.equals("X")) {
          base = false;
        }
        i = close + 1;
      } else {
        if (!base) {
          out.append(c);
        }
        i++;
      }
    }
    return out.toString();
  }
}
