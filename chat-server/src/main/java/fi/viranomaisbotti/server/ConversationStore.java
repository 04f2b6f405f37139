package fi.viranomaisbotti.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Conversations and their turns in an embedded H2 database under the data directory. Only
 * masked text is stored. Every accepted turn is committed before the reply is sent. Thread-safe.
 */
final class ConversationStore implements AutoCloseable {
  private final JdbcConnectionPool pool;
  private final Clock clock;

  /** A stored turn: who spoke, the masked text, and the facts known after it. */
  record Turn(int seq, String role, String maskedText, Map<String, Object> facts) {}

  /** A stored conversation with its turns in order. */
  record Conversation(String id, List<Turn> turns) {
    /** The latest known facts: data given once stays given. */
    Map<String, Object> facts() {
      return turns.isEmpty() ? Map.of() : turns.get(turns.size() - 1).facts();
    }

    List<String> userTexts() {
      return turns.stream().filter(t -> t.role().equals("user")).map(Turn::maskedText).toList();
    }
  }

  ConversationStore(Path dataDir, Clock clock) {
    this.clock = clock;
    try {
      Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "Cannot create the data directory " + dataDir.toAbsolutePath() + ": " + e.getMessage() + ". Set DATA_DIR to a writable directory.", e);
    }
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("viranomaisbotti") + ";AUTO_SERVER=FALSE";
    this.pool = JdbcConnectionPool.create(url, "bot", "");
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS conversation (id VARCHAR(36) PRIMARY KEY, created_at TIMESTAMP NOT NULL,"
              + " updated_at TIMESTAMP NOT NULL)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS turn (conversation_id VARCHAR(36) NOT NULL REFERENCES conversation(id),"
              + " seq INT NOT NULL, at TIMESTAMP NOT NULL, role VARCHAR(16) NOT NULL, masked_text CLOB NOT NULL,"
              + " facts CLOB NOT NULL, PRIMARY KEY (conversation_id, seq))");
    } catch (SQLException e) {
      pool.dispose();
      throw new IllegalStateException("Cannot open the conversation database in " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  String create() {
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(clock.instant());
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO conversation (id, created_at, updated_at) VALUES (?, ?, ?)")) {
      ps.setString(1, id);
      ps.setTimestamp(2, now);
      ps.setTimestamp(3, now);
      ps.executeUpdate();
      return id;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store a new conversation: " + e.getMessage(), e);
    }
  }

  void append(String conversationId, String role, String maskedText, Map<String, Object> facts) {
    Timestamp now = Timestamp.from(clock.instant());
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement next =
              c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM turn WHERE conversation_id = ?");
          PreparedStatement ins =
              c.prepareStatement("INSERT INTO turn (conversation_id, seq, at, role, masked_text, facts) VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement upd = c.prepareStatement("UPDATE conversation SET updated_at = ? WHERE id = ?")) {
        next.setString(1, conversationId);
        int seq;
        try (ResultSet rs = next.executeQuery()) {
          rs.next();
          seq = rs.getInt(1);
        }
        ins.setString(1, conversationId);
        ins.setInt(2, seq);
        ins.setTimestamp(3, now);
        ins.setString(4, role);
        ins.setString(5, maskedText);
        ins.setString(6, Json.write(facts));
        ins.executeUpdate();
        upd.setTimestamp(1, now);
        upd.setString(2, conversationId);
        upd.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store a turn of conversation " + conversationId + ": " + e.getMessage(), e);
    }
  }

  Optional<Conversation> find(String id) {
    try (Connection c = pool.getConnection();
        PreparedStatement exists = c.prepareStatement("SELECT 1 FROM conversation WHERE id = ?");
        PreparedStatement turns =
            c.prepareStatement("SELECT seq, role, masked_text, facts FROM turn WHERE conversation_id = ? ORDER BY seq")) {
      exists.setString(1, id);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
      }
      turns.setString(1, id);
      List<Turn> out = new ArrayList<>();
      try (ResultSet rs = turns.executeQuery()) {
        while (rs.next()) {
          out.add(new Turn(rs.getInt(1), rs.getString(2), rs.getString(3), readFacts(rs.getString(4))));
        }
      }
      return Optional.of(new Conversation(id, out));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read conversation " + id + ": " + e.getMessage(), e);
    }
  }

  int count() {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM conversation")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count conversations: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> readFacts(String json) {
    try {
      Map<String, Object> out = new LinkedHashMap<>();
      Json.MAPPER.readTree(json).fields().forEachRemaining(e -> out.put(
          e.getKey(),
          e.getValue().isNumber() ? (Object) e.getValue().doubleValue()
              : e.getValue().isTextual() ? (Object) e.getValue().asText()
              : (Object) e.getValue().asBoolean()));
      return out;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Stored facts are not JSON: " + json, e);
    }
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
