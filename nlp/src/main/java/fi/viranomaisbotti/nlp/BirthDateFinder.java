package fi.viranomaisbotti.nlp;

import fi.viranomaisbotti.nlp.MaskTokens.Tok;
import fi.viranomaisbotti.nlp.PersonalDataMasker.Span;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds birth dates: a full date shortly after a word about being born ("synnyin 13.10.1952",
 * "syntymäaika: 1.2.1990", "s. 5.5.1975"). Other dates ("avaan 1.6.2027") stay, and so does a
 * birth year alone, which says no more than an age. Stateless and thread-safe.
 */
final class BirthDateFinder {
  private static final Set<String> CUES =
      Set.of("synnyin", "synnyit", "syntyi", "synnyimme", "syntynyt", "syntyneen", "syntyneenä", "syntynyttä", "syntymäaika",
          "syntymäaikani", "syntymäaikasi", "syntymäaikansa", "syntymäaikaa", "syntymäajan", "syntymäpäivä",
          "syntymäpäiväni", "syntymäpäiväsi", "syntymäpvm", "synt", "född", "födelsedatum", "födelsedag", "born", "birth",
          "dob", "birthday");
  /**
   * What may stand between the cue and the date ("on", "vuonna", a place of birth) and the date:
   * 13.10.1952, 13.10.52, 1952-10-13 or 13. lokakuuta 1952. Bounded repetition only, and it is
   * tried in a window of {@value #WINDOW} characters after a cue, so each try costs a constant.
   */
  private static final Pattern DATE_AFTER_CUE =
      Pattern.compile(
          "[\\s.:,]{0,4}(?:\\p{L}{1,20}+[\\s,]{1,3}){0,2}"
              + "(\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:\\d{4}|\\d{2})(?![\\d])"
              + "|\\d{4}-\\d{1,2}-\\d{1,2}(?!\\d)"
              + "|\\d{1,2}\\.?\\s\\p{L}{3,12}\\s\\d{4}(?!\\d))");
  private static final int WINDOW = 80;

  void find(String text, MaskTokens tokens, List<Span> out) {
    for (int i = 0; i < tokens.size(); i++) {
      Tok t = tokens.get(i);
      boolean cue = CUES.contains(t.lower())
          || t.is("s") && tokens.at(i + 1) != null && tokens.at(i + 1).is(".") && tokens.touches(i + 1);
      if (!cue) {
        continue;
      }
      Matcher m = DATE_AFTER_CUE.matcher(text);
      m.region(t.end(), Math.min(text.length(), t.end() + WINDOW));
      if (m.lookingAt()) {
        out.add(new Span(m.start(1), m.end(1), PersonalDataMasker.BIRTH_DATE));
      }
    }
  }
}
