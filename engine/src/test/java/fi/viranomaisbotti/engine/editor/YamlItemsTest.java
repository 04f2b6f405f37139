package fi.viranomaisbotti.engine.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlItemsTest {
  /** A corpus file as editors write them: a header, notes above items, a section comment, a folded text. */
  private static final String ANSWERS = """
      # Vastauspohja: kahvila ja ravintola.
      # Rivit "# DRAFT:" kertovat, mikä on tarkistamatta.

      - id: a-allergeenitiedot
        name: Miten ravintolan on kerrottava allergeeneista?
        citizenText: >-
          Ravintolan on kerrottava asiakkaalle allergeeneista.

          Pakkaamattomista ruoista tieto voidaan antaa suullisesti.
        meta: {source: "https://www.ruokavirasto.fi/", owner: sisaltotiimi, reviewed: 2026-11-22, status: REVIEWED}

      # DRAFT: asetus on määräaikainen; voimassaolo tarkistettava.
      - id: a-lihan-alkuperamaa
        name: Pitääkö ravintolan kertoa lihan alkuperämaa?
        meta: {source: "https://www.ruokavirasto.fi/", owner: sisaltotiimi, reviewed: 2026-11-22, status: DRAFT}

      # --- Anniskelu ---

      - id: a-anniskelulupa
        name: Tarvitsenko anniskeluluvan?
      """;

  @Test
  void eachItemIsOneBlockWithTheNoteJustAboveItAndWithoutTheHeader() {
    List<YamlItems.Block> blocks = YamlItems.blocks(ANSWERS);
    assertThat(blocks).extracting(YamlItems.Block::id).containsExactly("a-allergeenitiedot", "a-lihan-alkuperamaa", "a-anniskelulupa");
    assertThat(blocks.get(0).text()).startsWith("- id: a-allergeenitiedot").contains("Pakkaamattomista ruoista")
        .endsWith("status: REVIEWED}\n").doesNotContain("Vastauspohja");
    assertThat(blocks.get(1).text()).startsWith("# DRAFT: asetus on määräaikainen").endsWith("status: DRAFT}\n");
    assertThat(blocks.get(2).text()).startsWith("- id: a-anniskelulupa");
  }

  @Test
  void replacingAnItemKeepsEveryOtherByteOfTheFile() {
    YamlItems.Block lihan = YamlItems.find(ANSWERS, "a-lihan-alkuperamaa").orElseThrow();
    String edited = "# DRAFT: tarkistettu 2026-12-05.\n- id: a-lihan-alkuperamaa\n  name: Pitääkö lihan alkuperämaa kertoa lounaslistassa?\n";
    String file = YamlItems.replace(ANSWERS, lihan, edited);
    assertThat(file).isEqualTo(ANSWERS.replace(lihan.text(), edited));
    assertThat(file).contains("# Vastauspohja: kahvila ja ravintola.", "# --- Anniskelu ---", "Pakkaamattomista ruoista")
        .doesNotContain("voimassaolo tarkistettava");
    assertThat(YamlItems.find(file, "a-lihan-alkuperamaa").orElseThrow().text()).isEqualTo(edited);
  }

  @Test
  void removingAnItemTakesItsNoteAndLeavesNoDoubleBlankLine() {
    String file = YamlItems.remove(ANSWERS, YamlItems.find(ANSWERS, "a-lihan-alkuperamaa").orElseThrow());
    assertThat(file).doesNotContain("a-lihan-alkuperamaa", "# DRAFT: asetus").doesNotContain("\n\n\n")
        .contains("# --- Anniskelu ---", "a-anniskelulupa", "a-allergeenitiedot");
    assertThat(YamlItems.blocks(file)).extracting(YamlItems.Block::id).containsExactly("a-allergeenitiedot", "a-anniskelulupa");
  }

  @Test
  void anAppendedItemFollowsABlankLineAndTheFileStaysTheSameAbove() {
    String file = YamlItems.append(ANSWERS, "- id: a-terassi\n  name: Tarvitseeko terassi luvan?");
    assertThat(file).startsWith(ANSWERS).endsWith("\n\n- id: a-terassi\n  name: Tarvitseeko terassi luvan?\n");
    assertThat(YamlItems.append(null, "- id: a-uusi\n  name: Uusi")).isEqualTo("- id: a-uusi\n  name: Uusi\n");
  }

  @Test
  void aMappingAsAFormSendsItBecomesAListEntryWithItsCommentKept() {
    String entry = YamlItems.asEntry("# Uusi vastaus.\nid: a-terassi\nname: Tarvitseeko terassi luvan?\nkeywords:\n  - terassi\n");
    assertThat(entry).isEqualTo("# Uusi vastaus.\n- id: a-terassi\n  name: Tarvitseeko terassi luvan?\n  keywords:\n    - terassi\n");
    assertThat(YamlItems.idOf(entry)).contains("a-terassi");
    assertThat(YamlItems.asEntry("- id: a-terassi\n\n\n")).isEqualTo("- id: a-terassi\n");
  }

  @Test
  void textThatIsNotOneItemWithAnIdIsRefusedWithTheReason() {
    assertThat(YamlItems.notOneEntry("- id: a\n  name: [rikki\n")).get().asString().startsWith("the text is not valid YAML");
    assertThat(YamlItems.notOneEntry("- id: a\n- id: b\n")).get().asString().contains("one item");
    assertThat(YamlItems.notOneEntry("- name: ilman tunnistetta\n")).get().asString().contains("no id");
    assertThat(YamlItems.notOneEntry("- id: a-kahvila\n  name: Kahvila\n")).isEmpty();
  }
}
