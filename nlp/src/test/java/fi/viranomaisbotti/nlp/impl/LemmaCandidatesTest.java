package fi.viranomaisbotti.nlp.impl;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.nlp.WordAnalysis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LemmaCandidatesTest {
  private static final LemmaCandidates NONE = new LemmaCandidates(Map.of(), List.of());

  private static LookedUpWord word(String text, String lemma, List<String> parts) {
    WordAnalysis r = new WordAnalysis(lemma, "NOUN", "nimisana", parts, "nimento", false);
    return new LookedUpWord(text, LookedUpWord.Kind.WORD, List.of(r), null);
  }

  private static List<String> of(LemmaCandidates candidates, LookedUpWord w, LemmaCandidate.Kind kind) {
    return candidates.of(w).stream().filter(c -> c.kind() == kind).map(LemmaCandidate::lemma).toList();
  }

  @Test
  void aHyphenatedCompoundIsAlsoOfferedWithTdtsBoundaryMark() {
    assertThat(of(NONE, word("kuorma-autolla", "kuorma-auto", List.of("kuorma", "auto")), LemmaCandidate.Kind.HYPHEN))
        .containsExactly("kuorma#auto");
    assertThat(of(NONE, word("1980-luvulla", "1980-luku", List.of("luku")), LemmaCandidate.Kind.HYPHEN))
        .containsExactly("1980#luku");
    assertThat(LemmaCandidates.compoundMarked("touko-/kesäkuu")).isEqualTo("touko-/kesäkuu");
  }

  @Test
  void aPartWrittenWithAHyphenAloneIsOfferedWithout() {
    assertThat(of(NONE, word("-listalla", "-lista", List.of("lista")), LemmaCandidate.Kind.HYPHEN)).containsExactly("lista");
    assertThat(of(NONE, word("hiusten-", "hiusten-", List.of("hius")), LemmaCandidate.Kind.HYPHEN)).containsExactly("hius");
  }

  @Test
  void aCompoundsHeadIsRewrittenAsTheHeadAlone() {
    LemmaCandidates rewrites = new LemmaCandidates(Map.of("vaali", List.of("vaalit"), "aivo", List.of("aivot")), List.of());
    assertThat(of(rewrites, word("edellisvaaleissa", "edellisvaali", List.of("edellis", "vaali")), LemmaCandidate.Kind.HEAD_REWRITE))
        .containsExactly("edellisvaalit");
    assertThat(of(rewrites, word("aivoissa", "aivo", List.of("aivo")), LemmaCandidate.Kind.REWRITE)).containsExactly("aivot");
    assertThat(of(rewrites, word("aivoissa", "aivo", List.of("aivo")), LemmaCandidate.Kind.HEAD_REWRITE)).isEmpty();
  }
}
