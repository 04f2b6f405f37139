package fi.viranomaisbotti.engine.impl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders rule firing in layers so that a rule that tests for the absence of a conclusion ("not
 * Conclusion(...)") sees every conclusion that could exist: rules that conclude events fire
 * before rules that conclude obligations, which fire before rules that conclude services; within
 * a layer, rules with a negated conclusion fire last. Implemented by giving each rule without an
 * explicit {@code salience} one derived from what its consequence concludes. Stateless.
 */
final class RuleLayers {
  static final int EVENT = 300;
  static final int OBLIGATION = 200;
  static final int SERVICE = 100;
  static final int NEGATION_PENALTY = 50;

  private static final Pattern RULE =
      Pattern.compile("(?s)(\\brule\\s+\"[^\"]+\".*?)(\\n\\s*when\\b)(.*?)(\\n\\s*then\\b)(.*?)(\\n\\s*end\\b)");
  private static final Pattern CONCLUDES =
      Pattern.compile("out\\.(?:need|maybe)\\s*\\(\\s*kcontext\\s*,\\s*\"(\\w+)\"");

  private RuleLayers() {}

  static String apply(String drl) {
    Matcher m = RULE.matcher(drl);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String header = m.group(1);
      String salience = header.contains("salience") ? "" : "\n  salience " + salience(m.group(3), m.group(5));
      m.appendReplacement(out, Matcher.quoteReplacement(
          header + salience + m.group(2) + m.group(3) + m.group(4) + m.group(5) + m.group(6)));
    }
    m.appendTail(out);
    return out.toString();
  }

  static int salience(String when, String then) {
    int layer = 0;
    Matcher c = CONCLUDES.matcher(then);
    while (c.find()) {
      layer = Math.max(layer, switch (c.group(1)) {
        case "event" -> EVENT;
        case "obligation" -> OBLIGATION;
        default -> SERVICE;
      });
    }
    return when.contains("not Conclusion") ? layer - NEGATION_PENALTY : layer;
  }
}
