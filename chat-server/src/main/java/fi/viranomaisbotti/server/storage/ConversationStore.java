package fi.viranomaisbotti.server.storage;

import fi.viranomaisbotti.server.web.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The chat's conversations and their turns, with facts as the chat keeps them (concept → value).
 * Only masked text is stored. Every accepted turn is committed before the reply is sent. Keeps
 * the conversation's version and facts as {@link JdbcConversationRepository} reads them, so both
 * can work on the same rows until the engine's conversation service replaces this class.
 * Thread-safe.
 */
public final class ConversationStore {
  private final DataSource pool;
  private final Clock clock;

  /** A stored turn: who spoke, the masked text, and the facts known after it. */
  public record Turn(int seq, String role, String maskedText, Map<String, Object> facts) {}

  /** A stored conversation with its turns in order. */
  public record Conversation(String id, List<Turn> turns) {
    /** The latest known facts: data given once stays given. */
    public Map<String, Object> facts() {
      return turns.isEmpty() ? Map.of() : turns.get(turns.size() - 1).facts();
    }

    public List<String> userTexts() {
      return turns.stream().filter(t -> t.role().equals("user")).map(Turn::maskedText).toList();
    }
  }

  /** @param pool a database migrated by {@link Database} */
  public ConversationStore(DataSource pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public String create() {
    String id = UUID.randomUUID().toString();
    LocalDateTime now = now();
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO conversation (id, created_at, updated_at) VALUES (?, ?, ?)")) {
      ps.setString(1, id);
      ps.setObject(2, now);
      ps.setObject(3, now);
      ps.executeUpdate();
      return id;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store a new conversation: " + e.getMessage(), e);
    }
  }

  public void append(String conversationId, String role, String maskedText, Map<String, Object> facts) {
    LocalDateTime now = now();
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement next =
              c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM turn WHERE conversation_id = ?");
          PreparedStatement ins =
              c.prepareStatement("INSERT INTO turn (conversation_id, seq, at, role, masked_text, facts) VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement upd =
              c.prepareStatement("UPDATE conversation SET updated_at = ?, version = ?, facts = ? WHERE id = ?")) {
        next.setString(1, conversationId);
        int seq;
        try (ResultSet rs = next.executeQuery()) {
          rs.next();
          seq = rs.getInt(1);
        }
        ins.setString(1, conversationId);
        ins.setInt(2, seq);
        ins.setObject(3, now);
        ins.setString(4, role);
        ins.setString(5, maskedText);
        ins.setString(6, Json.write(facts));
        ins.executeUpdate();
        upd.setObject(1, now);
        upd.setInt(2, seq);
        upd.setString(3, Json.write(facts));
        upd.setString(4, conversationId);
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

  public Optional<Conversation> find(String id) {
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

  public int count() {
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

  /** UTC wall-clock time, as {@link JdbcConversationRepository} stores it. */
  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }
}
