package fi.viranomaisbotti.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.knowledge.Audience;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The answer search over the real corpus, through the navigator: matching, typo fallback, passages. */
class AnswerSearchIT {
  private final Navigator navigator = NavigatorFixture.NAVIGATOR;

  private static List<String> marked(AnswerHit hit) {
    return hit.highlights().stream()
        .map(r -> hit.snippet().substring(r[0], r[1]).toLowerCase(Locale.ROOT))
        .toList();
  }

  @Test
  void aMisspellingVoikkoCannotFixStillFindsTheAnswerByOneEdit() {
    AnswerSearch s = navigator.search("potilasvakutus hierojalle", Audience.CITIZEN, 5, null, null, null);
    assertThat(s.hits()).extracting(AnswerHit::id).contains("b-sote-potilasvakuutus");
  }

  @Test
  void theSnippetIsPartOfTheCitizenTextWithTheQueryWordsMarkedInOtherForms() {
    AnswerSearch s = navigator.search("anniskelulupaa hakeminen", Audience.CITIZEN, 5, null, null, null);
    AnswerHit top = s.hits().get(0);
    // A passage cut inside a sentence says so with "…".
    assertThat(top.text()).contains(top.snippet().replaceAll("^… | …$", ""));
    // Inflected forms of the query's words are marked (concept matches such as "olutta" may be too).
    assertThat(marked(top)).anyMatch(w -> w.startsWith("anniskelulu") && !w.equals("anniskelulupaa"));
    for (AnswerHit h : s.hits()) {
      for (int[] r : h.highlights()) {
        assertThat(r[0]).isLessThan(r[1]);
        assertThat(r[1]).isLessThanOrEqualTo(h.snippet().length());
      }
    }
  }

  @Test
  void hitsAreOrderedByScoreAndTheLimitHolds() {
    AnswerSearch s = navigator.search("y-tunnus toiminimi perustaminen", Audience.CITIZEN, 3, null, null, null);
    assertThat(s.hits()).hasSize(3);
    assertThat(s.hits()).extracting(AnswerHit::id).contains("y-tunnuksen-hakeminen");
    assertThat(s.hits()).extracting(AnswerHit::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
  }

  @Test
  void anActorFilterKeepsOnlyAnswersRelatedToIt() {
    AnswerSearch s = navigator.search("lupa", Audience.OFFICIAL, 10, "lupa-ja-valvontavirasto", null, null);
    assertThat(s.hits()).isNotEmpty().allMatch(h -> h.related().contains("lupa-ja-valvontavirasto"));
  }

  @Test
  void anEventFilterKeepsAnswersAboutThePermitsTheEventBrings() {
    AnswerSearch s = navigator.search("anniskelulupa", Audience.CITIZEN, 10, null, "alkoholin-anniskelu", null);
    assertThat(s.hits()).extracting(AnswerHit::id).contains("anniskeluluvan-hakeminen");
    AnswerSearch farm = navigator.search("sika", Audience.CITIZEN, 20, null, "kotielaintuotanto", null);
    assertThat(farm.hits()).extracting(AnswerHit::id).contains("elaintenpitajaksi-rekisteroityminen");
    AnswerSearch hiring = navigator.search("työntekijä", Audience.CITIZEN, 20, null, "tyontekijan-palkkaaminen", null);
    assertThat(hiring.hits()).extracting(AnswerHit::id).contains("tyel-vakuutuksen-ottaminen")
        .doesNotContain("b-kampaamon-perustaminen");
  }

  @Test
  void aWholeCompoundOutranksAnswersThatShareOnlyItsPart() {
    AnswerSearch s = navigator.search("vähittäismyyntilupa", Audience.CITIZEN, 3, null, null, null);
    assertThat(s.hits().get(0).text().toLowerCase(Locale.ROOT)).contains("vähittäismyyntilupa");
    AnswerSearch pigs = navigator.search("sikarekisteri", Audience.CITIZEN, 3, null, null, null);
    assertThat(pigs.hits().get(0).id()).isEqualTo("elaintenpitajaksi-rekisteroityminen");
    // Each part is its own clause: the rare "arpajaiset" is not scored as common as "lupa".
    AnswerSearch lottery = navigator.search("arpajaislupa", Audience.CITIZEN, 3, null, null, null);
    assertThat(lottery.hits().get(0).id()).isEqualTo("a-arpajaiset-tapahtumassa");
  }

  @Test
  void didYouMeanOnlyOffersSpellingsTheAnswerBaseContains() {
    assertThat(navigator.search("ymparistolupa sikalalle", Audience.CITIZEN, 5, null, null, null).didYouMean())
        .isEqualTo("ympäristölupa sikalalle");
    // Colloquial "tehä" becomes the standard verb the answers use, not Voikko's first guess "tehän";
    // a programme's name is not taken for a typo of a word the answers do not use.
    assertThat(navigator.search("mitä pitää tehä", Audience.CITIZEN, 5, null, null, null).didYouMean())
        .isEqualTo("mitä pitää tehdä");
    assertThat(navigator.search("Leader rahoitus", Audience.CITIZEN, 5, null, null, null).didYouMean()).isNull();
    // Voikko's first guess "hygieniapas" is hygienia with a clitic; the word the answers use wins.
    assertThat(navigator.search("hygieniapasi", Audience.CITIZEN, 5, null, null, null).didYouMean())
        .isEqualTo("hygieniapassi");
  }

  @Test
  void onlyLongOrFruitlessQueriesInAnotherLanguageAreToldTheAnswersAreFinnish() {
    assertThat(navigator.search("how do I get a liquor license", Audience.CITIZEN, 5, null, null, null).notices())
        .hasSize(1);
    // Abbreviations and names that look English or Swedish but are vocabulary terms.
    assertThat(navigator.search("yel", Audience.CITIZEN, 5, null, null, null).notices()).isEmpty();
    assertThat(navigator.search("prh", Audience.CITIZEN, 5, null, null, null).notices()).isEmpty();
    assertThat(navigator.search("Leader", Audience.CITIZEN, 5, null, null, null).notices()).isEmpty();
  }

  @Test
  void aLongStoryOrQueryWithHundredsOfDistinctWordsStaysUnderLuceneClauseLimit() {
    StringBuilder story = new StringBuilder();
    for (var a : NavigatorFixture.SNAPSHOT.answers().values()) {
      if (story.length() + a.citizenText().length() + 1 > 9_900) {
        break;
      }
      story.append(a.citizenText()).append(' ');
    }
    assertThat(navigator.search(story.toString(), Audience.CITIZEN, 5, null, null, null).hits()).isNotEmpty();
    assertThat(navigator.recommend(story.toString(), java.util.Map.of()).answers()).isNotEmpty();
  }

  @Test
  void wordsFoundNowhereGiveNoHits() {
    assertThat(navigator.search("qwxzv bbbbbbbb", Audience.CITIZEN, 5, null, null, null).hits()).isEmpty();
  }
}
