package fi.viranomaisbotti.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {
  private static final List<String> COLUMNS = List.of("code", "name_fi", "name_sv");

  private final List<Problem> problems = new ArrayList<>();

  @Test
  void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
    String text = "code,name_fi,name_sv\r\n091,Helsinki,Helsingfors\r\n\"092\",\"Vantaa, \"\"Vanda\"\"\",\"Van\nda\"\r\n\r\n";
    List<Map<String, String>> rows = Csv.read("regions/k.csv", text, COLUMNS, problems);

    assertThat(problems).isEmpty();
    assertThat(rows).containsExactly(
        Map.of("code", "091", "name_fi", "Helsinki", "name_sv", "Helsingfors"),
        Map.of("code", "092", "name_fi", "Vantaa, \"Vanda\"", "name_sv", "Van\nda"));
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsAnErrorNamingTheFileAndLine() {
    List<Map<String, String>> rows = Csv.read("regions/k.csv", """
        code,name_fi,name_sv
        091,Helsinki,Helsingfors
        049,Espoo
        092,Vantaa,Vanda,Uusimaa
        186,Järvenpää,Träskända
        """, COLUMNS, problems);

    assertThat(rows).extracting(r -> r.get("code")).containsExactly("091", "186");
    assertThat(problems).extracting(Problem::toString).containsExactly(
        "ERROR regions/k.csv [-]: line 3 has 2 field(s) but the header has 3 (code,name_fi,name_sv)."
            + " Quote a value that contains a comma, or add the missing fields.",
        "ERROR regions/k.csv [-]: line 4 has 4 field(s) but the header has 3 (code,name_fi,name_sv)."
            + " Quote a value that contains a comma, or add the missing fields.");
  }

  @Test
  void aFileWithoutItsHeaderIsAnErrorNamingTheMissingColumns() {
    List<Map<String, String>> rows =
        Csv.read("regions/k.csv", "091,Helsinki,Helsingfors\n049,Espoo,Esbo\n", COLUMNS, problems);

    assertThat(rows).isEmpty();
    assertThat(problems).singleElement().extracting(Problem::message).asString()
        .contains("line 1 must be the header", "code", "name_fi", "Add the header line");
  }

  @Test
  void anEmptyFileIsAnError() {
    assertThat(Csv.read("codes/ptv-x.csv", "", List.of("code"), problems)).isEmpty();
    assertThat(problems).singleElement().extracting(Problem::file).isEqualTo("codes/ptv-x.csv");
  }
}
