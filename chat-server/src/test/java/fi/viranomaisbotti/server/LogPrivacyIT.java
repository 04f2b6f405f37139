package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.server.web.AccessLog;
import fi.viranomaisbotti.server.web.Json;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server's logs, captured through the configured JSON layout with every level on: one JSON
 * object per line with the agreed fields, the access events there, and nothing a customer wrote.
 */
class LogPrivacyIT extends ServerIT {
  private static final String NAME = "Maija Meikäläinen";
  private static final String IDENTITY_CODE = "131052-308T";
  private static final String STORY = "Olen " + NAME + ", henkilötunnukseni on " + IDENTITY_CODE
      + ". Haluan perustaa leipomon Jyväskylään ja palkata sinne kaksi työntekijää.";

  private final StringWriter captured = new StringWriter();
  private WriterAppender appender;
  private Level rootLevel;
  private Level accessLevel;

  @BeforeEach
  void captureEveryLevel() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    appender = WriterAppender.newBuilder()
        .setName("captured")
        .setTarget(captured)
        .setLayout(config.getAppender("stdout").getLayout())
        .build();
    appender.start();
    config.addAppender(appender);
    LoggerConfig root = config.getRootLogger();
    LoggerConfig access = config.getLoggerConfig(AccessLog.NAME);
    rootLevel = root.getLevel();
    accessLevel = access.getLevel();
    root.addAppender(appender, Level.ALL, null);
    root.setLevel(Level.ALL);
    access.setLevel(Level.ALL);
    context.updateLoggers();
  }

  @AfterEach
  void stopCapturing() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    config.getRootLogger().removeAppender("captured");
    config.getRootLogger().setLevel(rootLevel);
    config.getLoggerConfig(AccessLog.NAME).setLevel(accessLevel);
    context.updateLoggers();
    appender.stop();
  }

  @Test
  void chatTurnsAndApiCallsAreLoggedAsJsonWithoutTheNameTheIdentityCodeOrTheText() throws Exception {
    String conversationId;
    String token;
    try (SocketClient chat = new SocketClient(server.http, server.app.port(), null)) {
      chat.next();
      JsonNode reply = chat.send(Map.of("type", "message", "text", STORY));
      assertThat(reply.get("type").asText()).isEqualTo("reply");
      conversationId = reply.get("conversationId").asText();
      token = reply.get("resumeToken").asText();
      JsonNode question = reply.at("/recommendation/questions/0");
      if (!question.isMissingNode()) {
        chat.send(Map.of("type", "answer", "concept", question.get("concept").asText(), "value", true));
      }
      chat.send(Map.of("type", "message", "text", "Asun osoitteessa Kauppakatu 12 B 7, " + NAME + "."));
      chat.send(Map.of("type", NAME));
      chat.send(Map.of("type", "handoff", "consent", true, "contact", Map.of("email", "maija.kirje@")));
      chat.send(Map.of("type", "handoff", "consent", true,
          "contact", Map.of("phone", "040 765 4321", "email", "maija.meikalainen@example.fi")));
    }
    assertThat(server.post("/api/v1/recommendations", Json.write(Map.of("text", STORY))).statusCode()).isEqualTo(200);
    assertThat(server.post("/api/v1/analyze", Json.write(Map.of("text", STORY))).statusCode()).isEqualTo(200);
    server.get("/api/v1/answers?q=" + URLEncoder.encode(NAME + " " + IDENTITY_CODE, StandardCharsets.UTF_8));
    server.get("/api/v1/answers/" + IDENTITY_CODE);

    String log = captured.toString();
    List<String> lines = log.lines().toList();
    assertThat(lines).as("the captured log").isNotEmpty();
    for (String line : lines) {
      JsonNode event = Json.MAPPER.readTree(line);
      assertThat(event.has("time") && event.has("level") && event.has("logger") && event.has("message"))
          .as("fields of %s", line).isTrue();
    }
    assertThat(log)
        .contains("\"event\":\"chat_turn\"", "\"errorCode\":\"unknown_type\"", "\"route\":\"/api/v1/recommendations\"",
            "\"route\":\"/api/v1/answers/{id}\"", "\"conversation\":\"c-")
        .doesNotContain(IDENTITY_CODE, "131052", "Meikäläinen", "Maija", "leipomo", "Jyväskylä", "Kauppakatu",
            conversationId, token, "7654321", "765 4321", "maija.meikalainen", "maija.kirje")
        .contains("\"errorCode\":\"bad_contact\"");
  }
}
