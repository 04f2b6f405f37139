package fi.viranomaisbotti.engine;

import java.util.List;

/** The corpus rules do not compile; {@link #messages()} has Drools' messages with file and line. */
public final class RuleBaseException extends RuntimeException {
  private final transient List<String> messages;

  public RuleBaseException(List<String> messages) {
    super("The rules do not compile:\n" + String.join("\n", messages));
    this.messages = List.copyOf(messages);
  }

  public List<String> messages() {
    return messages;
  }
}
