package fi.viranomaisbotti.knowledge;

import java.util.List;
import java.util.stream.Collectors;

/** The corpus could not be loaded; {@link #problems()} says where and why. */
public final class KnowledgeException extends RuntimeException {
  private final transient List<Problem> problems;

  public KnowledgeException(List<Problem> problems) {
    super(
        "The knowledge corpus has "
            + problems.size()
            + " error(s):\n"
            + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
