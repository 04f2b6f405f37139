package fi.viranomaisbotti.server.storage;

import fi.viranomaisbotti.engine.FactSet;
import fi.viranomaisbotti.engine.conversation.ConversationHead;
import fi.viranomaisbotti.engine.conversation.ConversationKey;
import fi.viranomaisbotti.engine.conversation.ConversationRepository;
import fi.viranomaisbotti.engine.conversation.ShareConsent;
import fi.viranomaisbotti.engine.conversation.StepState;
import fi.viranomaisbotti.engine.conversation.StoredTurn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Conversations in the tables of {@code db/migration}, over plain JDBC, the same on H2 and
 * PostgreSQL. Times are kept in UTC to the microsecond. An append is one transaction that moves
 * the conversation's version on only if it is still the expected one, so writers on several nodes
 * never lose or duplicate a turn. Thread-safe.
 */
public final class JdbcConversationRepository implements ConversationRepository {
  /** SQLSTATE of a duplicate key, on H2 and PostgreSQL alike. */
  private static final String UNIQUE_VIOLATION = "23505";
  /** Conversations deleted per transaction by the retention, so no transaction grows without bound. */
  static final int DELETE_CHUNK = 500;

  private final DataSource dataSource;

  public JdbcConversationRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void create(String id, String resumeTokenHash, Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO conversation"
            + " (id, created_at, updated_at, version, language, facts, resume_token_hash) VALUES (?, ?, ?, 0, 'fi', '[]', ?)")) {
      ps.setString(1, id);
      ps.setObject(2, utc(at));
      ps.setObject(3, utc(at));
      ps.setString(4, resumeTokenHash);
      ps.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new IllegalArgumentException("A conversation with the id of " + ref(id) + " exists already; create each id once.", e);
      }
      throw failure("store the new conversation " + ref(id), e);
    }
  }

  /** How many conversations are stored; a health check, so it fails when the database is down. */
  public int count() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM conversation");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw failure("count the conversations", e);
    }
  }

  @Override
  public Optional<ConversationHead> head(String id) {
    return byId("SELECT created_at, version, language, facts, resume_token_hash, stored_characters FROM conversation WHERE id = ?", id,
        "read conversation", rs -> {
          if (!rs.next()) {
            return Optional.empty();
          }
          int version = rs.getInt(2);
          return Optional.of(new ConversationHead(id, instant(rs.getObject(1, LocalDateTime.class)), version,
              rs.getString(3), FactsJson.readSet(rs.getString(4), version), rs.getString(5), rs.getLong(6)));
        });
  }

  @Override
  public List<StoredTurn> turns(String id) {
    return byId("SELECT seq, at, role, masked_text, facts FROM turn WHERE conversation_id = ? ORDER BY seq", id,
        "read the turns of conversation", rs -> {
          List<StoredTurn> out = new ArrayList<>();
          while (rs.next()) {
            int seq = rs.getInt(1);
            out.add(new StoredTurn(seq, instant(rs.getObject(2, LocalDateTime.class)), role(rs.getString(3), id, seq),
                rs.getString(4), FactsJson.read(rs.getString(5), seq)));
          }
          return out;
        });
  }

  /** Reads the rows a query by conversation id returns. */
  @FunctionalInterface
  private interface Rows<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> T byId(String sql, String id, String what, Rows<T> rows) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rows.read(rs);
      }
    } catch (SQLException e) {
      throw failure(what + " " + ref(id), e);
    }
  }

  @Override
  public boolean append(String id, int expectedVersion, StoredTurn turn, FactSet factsAfter, String language) {
    if (turn.seq() != expectedVersion + 1) {
      throw new IllegalArgumentException("A turn appended at version " + expectedVersion + " must have seq "
          + (expectedVersion + 1) + ", got " + turn.seq() + ".");
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean stored = append(c, id, expectedVersion, turn, factsAfter, language);
        if (stored) {
          c.commit();
        } else {
          c.rollback();
        }
        return stored;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        if (e instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
          // Another writer stored this turn number first, outside the version check.
          return false;
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("store turn " + turn.seq() + " of conversation " + ref(id), e);
    }
  }

  private static boolean append(Connection c, String id, int expectedVersion, StoredTurn turn, FactSet factsAfter, String language)
      throws SQLException {
    try (PreparedStatement update = c.prepareStatement(
        "UPDATE conversation SET version = ?, updated_at = ?, language = ?, facts = ?,"
            + " stored_characters = stored_characters + ? WHERE id = ? AND version = ?")) {
      update.setInt(1, turn.seq());
      update.setObject(2, utc(turn.at()));
      update.setString(3, language);
      update.setString(4, FactsJson.write(factsAfter));
      update.setLong(5, turn.maskedText().length());
      update.setString(6, id);
      update.setInt(7, expectedVersion);
      if (update.executeUpdate() == 0) {
        if (!exists(c, id)) {
          throw new IllegalArgumentException("No conversation " + ref(id) + " is stored; create it before appending turns.");
        }
        return false;
      }
    }
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO turn (conversation_id, seq, at, role, masked_text, facts) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setInt(2, turn.seq());
      insert.setObject(3, utc(turn.at()));
      insert.setString(4, turn.role().name().toLowerCase(Locale.ROOT));
      insert.setString(5, turn.maskedText());
      insert.setString(6, FactsJson.write(turn.facts()));
      insert.executeUpdate();
    }
    return true;
  }

  /**
   * Deletes in chunks, each in one transaction that first locks its conversations' rows: an append
   * racing with the deletion waits, then finds the conversation gone, and never leaves a
   * conversation whose older turns were deleted under it.
   */
  @Override
  public int deleteInactiveBefore(Instant cutoff) {
    int deleted = 0;
    while (true) {
      int chunk = deleteChunk(cutoff);
      deleted += chunk;
      if (chunk < DELETE_CHUNK) {
        return deleted;
      }
    }
  }

  private int deleteChunk(Instant cutoff) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM conversation WHERE updated_at < ?"
            + " ORDER BY updated_at FETCH FIRST " + DELETE_CHUNK + " ROWS ONLY FOR UPDATE")) {
          select.setObject(1, utc(cutoff));
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getString(1));
            }
          }
        }
        try (PreparedStatement handoffs = c.prepareStatement("DELETE FROM handoff WHERE conversation_id = ?");
            PreparedStatement turns = c.prepareStatement("DELETE FROM turn WHERE conversation_id = ?");
            PreparedStatement steps = c.prepareStatement("DELETE FROM plan_step_state WHERE conversation_id = ?");
            PreparedStatement feedback = c.prepareStatement("DELETE FROM feedback WHERE conversation_id = ?");
            PreparedStatement shares = c.prepareStatement("DELETE FROM share_consent WHERE conversation_id = ?");
            PreparedStatement conversation = c.prepareStatement("DELETE FROM conversation WHERE id = ?")) {
          List<PreparedStatement> dependants = List.of(handoffs, turns, steps, feedback, shares);
          for (String id : ids) {
            for (PreparedStatement d : dependants) {
              d.setString(1, id);
              d.addBatch();
            }
            conversation.setString(1, id);
            conversation.addBatch();
          }
          for (PreparedStatement d : dependants) {
            d.executeBatch();
          }
          conversation.executeBatch();
        }
        c.commit();
        return ids.size();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("delete the conversations inactive since before " + cutoff, e);
    }
  }

  @Override
  public void setStepState(String id, String step, StepState state, Instant at) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        // Marking is activity: the retention counts from it as from a turn.
        try (PreparedStatement touch = c.prepareStatement("UPDATE conversation SET updated_at = ? WHERE id = ?")) {
          touch.setObject(1, utc(at));
          touch.setString(2, id);
          if (touch.executeUpdate() == 0) {
            throw new IllegalArgumentException("No conversation " + ref(id) + " is stored; create it before marking steps.");
          }
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM plan_step_state WHERE conversation_id = ? AND step = ?")) {
          delete.setString(1, id);
          delete.setString(2, step);
          delete.executeUpdate();
        }
        if (state != StepState.OPEN) {
          try (PreparedStatement insert = c.prepareStatement(
              "INSERT INTO plan_step_state (conversation_id, step, state, at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, step);
            insert.setString(3, state.wire());
            insert.setObject(4, utc(at));
            insert.executeUpdate();
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("store the state of a step of conversation " + ref(id), e);
    }
  }

  @Override
  public Map<String, StepState> stepStates(String id) {
    return byId("SELECT step, state FROM plan_step_state WHERE conversation_id = ? ORDER BY step", id,
        "read the step states of conversation", rs -> {
          Map<String, StepState> out = new LinkedHashMap<>();
          while (rs.next()) {
            out.put(rs.getString(1), StepState.parse(rs.getString(2)));
          }
          return out;
        });
  }

  @Override
  public void addFeedback(String id, boolean helpful, String maskedComment, Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO feedback (conversation_id, helpful, masked_comment, at) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, id);
      ps.setBoolean(2, helpful);
      ps.setString(3, maskedComment);
      ps.setObject(4, utc(at));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("store feedback on conversation " + ref(id), e);
    }
  }

  /** The feedback stored with a conversation, oldest first, as "yes"/"no" and the masked comment. */
  public List<Map.Entry<Boolean, String>> feedback(String id) {
    return byId("SELECT helpful, masked_comment FROM feedback WHERE conversation_id = ? ORDER BY id", id,
        "read the feedback of conversation", rs -> {
          List<Map.Entry<Boolean, String>> out = new ArrayList<>();
          while (rs.next()) {
            out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(rs.getBoolean(1), rs.getString(2)));
          }
          return out;
        });
  }

  @Override
  public void share(String id, String codeHash, ShareConsent consent) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO share_consent (code_hash, conversation_id, consent_by, consent_what, at) VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, codeHash);
      ps.setString(2, id);
      ps.setString(3, consent.who());
      ps.setString(4, consent.what());
      ps.setObject(5, utc(consent.at()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("store the consent to share conversation " + ref(id), e);
    }
  }

  @Override
  public Optional<Shared> shared(String codeHash) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT conversation_id, consent_by, at, consent_what FROM share_consent WHERE code_hash = ?")) {
      ps.setString(1, codeHash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Shared(rs.getString(1),
                new ShareConsent(rs.getString(2), instant(rs.getObject(3, LocalDateTime.class)), rs.getString(4))))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("look up a share code", e);
    }
  }

  private static boolean exists(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM conversation WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static StoredTurn.Role role(String stored, String id, int seq) {
    try {
      return StoredTurn.Role.valueOf(stored.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Turn " + seq + " of conversation " + ref(id) + " has the role '" + stored
          + "'; the roles are 'user', 'answer' and 'adviser'.", e);
    }
  }

  /** TIMESTAMP columns hold UTC wall-clock time: the same instant on every node, whatever its zone. */
  private static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static Instant instant(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC);
  }

  /** Conversation ids are half of a credential and never go into messages that may be logged. */
  private static String ref(String id) {
    return ConversationKey.reference(id);
  }

  private static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("Could not " + what + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
  }
}
