package fi.viranomaisbotti.nlp.impl;

import java.util.Map;

/** Maps Voikko's word classes to Universal Dependencies part-of-speech tags. */
final class UdTags {
  private static final Map<String, String> BY_CLASS =
      Map.ofEntries(
          Map.entry("nimisana", "NOUN"),
          Map.entry("laatusana", "ADJ"),
          Map.entry("nimisana_laatusana", "ADJ"),
          Map.entry("teonsana", "VERB"),
          Map.entry("seikkasana", "ADV"),
          Map.entry("asemosana", "PRON"),
          Map.entry("suhdesana", "ADP"),
          Map.entry("huudahdussana", "INTJ"),
          Map.entry("sidesana", "CCONJ"),
          Map.entry("kieltosana", "AUX"),
          Map.entry("lukusana", "NUM"),
          Map.entry("etunimi", "PROPN"),
          Map.entry("sukunimi", "PROPN"),
          Map.entry("paikannimi", "PROPN"),
          Map.entry("nimi", "PROPN"),
          Map.entry("lyhenne", "NOUN"),
          Map.entry("etuliite", "X"));

  private UdTags() {}

  static String fromVoikkoClass(String wordClass) {
    return BY_CLASS.getOrDefault(wordClass, "X");
  }
}
