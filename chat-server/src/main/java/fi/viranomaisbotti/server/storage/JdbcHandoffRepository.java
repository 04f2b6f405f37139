package fi.viranomaisbotti.server.storage;

import fi.viranomaisbotti.engine.conversation.ContactDetails;
import fi.viranomaisbotti.engine.conversation.ConversationKey;
import fi.viranomaisbotti.engine.conversation.Handoff;
import fi.viranomaisbotti.engine.conversation.HandoffRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Handoff requests in the table of {@code V6__handoff.sql}, over plain JDBC, the same on H2 and
 * PostgreSQL. A claim and a close are single conditional updates, so two advisers never both take
 * one handoff, on one node or several. Thread-safe.
 */
public final class JdbcHandoffRepository implements HandoffRepository {
  private static final String COLUMNS =
      "id, conversation_id, status, consent_at, facts, plan, claimed_by, claimed_at, closed_at, contact_phone, contact_email";

  private final DataSource dataSource;

  public JdbcHandoffRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T with(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not " + what + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
    }
  }

  @Override
  public void create(Handoff h) {
    with("store the handoff of conversation " + ConversationKey.reference(h.conversationId()), c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO handoff (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, h.id());
        ps.setString(2, h.conversationId());
        ps.setString(3, h.status().name());
        ps.setObject(4, utc(h.consentAt()));
        ps.setString(5, FactsJson.write(h.facts()));
        ps.setString(6, String.join("\n", h.plan()));
        ps.setString(7, h.claimedBy());
        ps.setObject(8, h.claimedAt() == null ? null : utc(h.claimedAt()));
        ps.setObject(9, h.closedAt() == null ? null : utc(h.closedAt()));
        ps.setString(10, h.contact() == null ? null : h.contact().phone());
        ps.setString(11, h.contact() == null ? null : h.contact().email());
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public Optional<Handoff> find(String id) {
    List<Handoff> found = query("read a handoff", "SELECT " + COLUMNS + " FROM handoff WHERE id = ?", id);
    return found.stream().findFirst();
  }

  @Override
  public Optional<Handoff> openFor(String conversationId) {
    return query("read the handoff of a conversation",
        "SELECT " + COLUMNS + " FROM handoff WHERE conversation_id = ? AND status <> 'CLOSED'", conversationId).stream().findFirst();
  }

  @Override
  public List<Handoff> open(int limit) {
    return with("list the open handoffs", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM handoff WHERE status <> 'CLOSED'"
          + " ORDER BY consent_at FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
        return read(ps);
      }
    });
  }

  @Override
  public boolean claim(String id, String adviser, Instant at) {
    return with("claim a handoff", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE handoff SET status = 'CLAIMED', claimed_by = ?, claimed_at = ? WHERE id = ? AND status = 'QUEUED'")) {
        ps.setString(1, adviser);
        ps.setObject(2, utc(at));
        ps.setString(3, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean close(String id, Instant at) {
    return with("close a handoff", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE handoff SET status = 'CLOSED', closed_at = ? WHERE id = ? AND status <> 'CLOSED'")) {
        ps.setObject(1, utc(at));
        ps.setString(2, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  private List<Handoff> query(String what, String sql, String key) {
    return with(what, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, key);
        return read(ps);
      }
    });
  }

  private static List<Handoff> read(PreparedStatement ps) throws SQLException {
    List<Handoff> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String plan = rs.getString(6);
        String phone = rs.getString(10);
        String email = rs.getString(11);
        out.add(new Handoff(rs.getString(1), rs.getString(2), Handoff.Status.valueOf(rs.getString(3)),
            instant(rs.getObject(4, LocalDateTime.class)), FactsJson.readSet(rs.getString(5), 0),
            plan.isEmpty() ? List.of() : Arrays.asList(plan.split("\n")), rs.getString(7),
            instant(rs.getObject(8, LocalDateTime.class)), instant(rs.getObject(9, LocalDateTime.class)),
            phone == null && email == null ? null : new ContactDetails(phone, email)));
      }
    }
    return out;
  }

  private static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
