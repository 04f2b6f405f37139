package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the corpus's code lists (RFC 4180, header row, quoted fields allowed) with Jackson's CSV
 * parser and checks their shape: the header names the columns the loader needs and every row has
 * as many fields as the header. Thread-safe.
 */
final class Csv {
  private static final ObjectReader ROWS =
      new CsvMapper()
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .readerFor(String[].class);

  private Csv() {}

  /**
   * Rows as header → value maps. A malformed file adds an error naming the file and line to
   * {@code problems}; its well-formed rows are still returned so that one bad row does not hide
   * the others' problems.
   *
   * @param columns the columns the caller reads; the header must name each of them
   */
  static List<Map<String, String>> read(String path, String text, List<String> columns, List<Problem> problems) {
    List<Map<String, String>> out = new ArrayList<>();
    try (MappingIterator<String[]> it = ROWS.readValues(text)) {
      if (!it.hasNext()) {
        problems.add(Problem.error(path, "-", "is empty: the first line must be the header " + String.join(",", columns)));
        return out;
      }
      List<String> header = Arrays.stream(it.next()).map(String::strip).toList();
      List<String> absent = columns.stream().filter(c -> !header.contains(c)).toList();
      if (!absent.isEmpty()) {
        problems.add(
            Problem.error(
                path,
                "-",
                "line 1 must be the header naming the columns " + columns + ", but it is " + header
                    + " and lacks " + absent + ". Add the header line or fix the column names."));
        return out;
      }
      while (it.hasNext()) {
        // The location is read before the row is consumed: it is where the row starts.
        int line = it.getParser().currentLocation().getLineNr();
        String[] row = it.next();
        if (row.length != header.size()) {
          problems.add(
              Problem.error(
                  path,
                  "-",
                  "line " + line + " has " + row.length + " field(s) but the header has " + header.size() + " ("
                      + String.join(",", header) + "). Quote a value that contains a comma, or add the missing fields."));
          continue;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          m.put(header.get(i), row[i]);
        }
        out.add(m);
      }
    } catch (IOException | RuntimeException e) {
      problems.add(Problem.error(path, "-", "is not valid CSV: " + e.getMessage()));
    }
    return out;
  }
}
