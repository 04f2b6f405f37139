package fi.viranomaisbotti.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/** The load harness against the real server in-process: a few conversations, briefly; no timing asserted. */
class LoadHarnessIT {

  @Test
  void fiveConversationsTakeTurnsAgainstTheInProcessServerWithoutErrors() throws Exception {
    LoadHarness.Result result = LoadHarness.run(
        LoadHarness.Options.parse("--conversations", "5", "--warmup", "2s", "--ramp", "1s", "--duration", "4s",
            "--max-turns", "6", "--resume-share", "0.5", "--seed", "7"),
        new PrintStream(OutputStream.nullOutputStream()));

    assertThat(result.turns()).isPositive();
    assertThat(result.clientErrors()).isEmpty();
    assertThat(result.serverErrors()).isEmpty();
    assertThat(result.sent()).containsKeys("message", "answer");
    assertThat(result.serverTurns()).as("turns the server's histogram counted").isPositive();
    assertThat(result.heapWithConversations()).isPositive();
    assertThat(result.report()).contains("turns:", "client latency", "server latency", "heap after GC");
  }

  @Test
  void aServerThatIsNotOnLoopbackIsRefused() {
    assertThatThrownBy(() -> LoadHarness.run(
            LoadHarness.Options.parse("--url", "ws://192.0.2.1:7070", "--duration", "1s"),
            new PrintStream(OutputStream.nullOutputStream())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }
}
