package fi.viranomaisbotti.nlp.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LemmaModelTest {
  @Test
  void aWrittenModelReadsBackTheSame() throws IOException {
    LemmaModel model = new LemmaModel(
        Map.of("R|nimisana", 1.5f, "F|f=lopulta", 2.25f),
        Map.of("ne", List.of("se")),
        List.of(new LemmaCandidates.Ending("lla", ""), new LemmaCandidates.Ending("ksen", "s")));
    StringWriter out = new StringWriter();
    model.write(out, "testimalli");
    LemmaModel back = LemmaModel.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(back.rewrites()).isEqualTo(model.rewrites());
    assertThat(back.endings()).isEqualTo(model.endings());
    assertThat(back.score(List.of("R|nimisana", "F|f=lopulta", "tuntematon"))).isEqualTo(3.75);
  }

  @Test
  void aConventionAddsItsOwnWeightsToTheSharedOnes() {
    LemmaModel model = new LemmaModel(
        Map.of("W|from=ne|to=se", -1.0f, LemmaModel.conventionFeature("tdt", "W|from=ne|to=se"), 3.0f,
            LemmaModel.conventionFeature("ftb", "W|from=ne|to=se"), -2.0f),
        Map.of("ne", List.of("se")),
        List.of());
    List<String> features = List.of("W|from=ne|to=se");
    assertThat(model.score(features)).isEqualTo(-1.0);
    assertThat(model.inConvention("tdt").score(features)).isEqualTo(2.0);
    assertThat(model.inConvention("ftb").score(features)).isEqualTo(-3.0);
    assertThat(LemmaModel.bundled().convention()).isEqualTo("tdt");
  }

  @Test
  void aBrokenLineIsReportedWithItsNumber() {
    byte[] text = "# malli\nw\tR|nimisana\t1.0\nrikki\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> LemmaModel.read(new ByteArrayInputStream(text)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Line 3")
        .hasMessageContaining("rikki");
  }

  @Test
  void theBundledModelLoads() {
    assertThat(LemmaModel.bundled().size()).isGreaterThan(1000);
    assertThat(LemmaModel.bundled().rewrites()).containsKey("ne");
  }

  @Test
  void unknownWordsLoseTheEndingWrittenAfterAColon() {
    assertThat(LemmaCandidates.guessUnknown("H&M:n")).isEqualTo("h&m");
    assertThat(LemmaCandidates.guessUnknown("EY:")).isEqualTo("ey");
    assertThat(LemmaCandidates.guessUnknown("https://suomi.fi")).isEqualTo("https://suomi.fi");
  }
}
