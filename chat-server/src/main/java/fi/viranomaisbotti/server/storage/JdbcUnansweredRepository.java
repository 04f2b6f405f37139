package fi.viranomaisbotti.server.storage;

import fi.viranomaisbotti.engine.unanswered.UnansweredGroup;
import fi.viranomaisbotti.engine.unanswered.UnansweredKind;
import fi.viranomaisbotti.engine.unanswered.UnansweredRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The unanswered queue in the tables of {@code V22__unanswered_queue.sql}, over plain JDBC, the
 * same on H2 and PostgreSQL. Counts and dates are read from the texts, so concurrent captures
 * never lose a count; two nodes creating the same group meet at the unique key hash. Thread-safe.
 */
public final class JdbcUnansweredRepository implements UnansweredRepository {
  private static final String SUMMARY = "SELECT g.id, g.lemma_key, g.state, g.resolved_by, g.resolved_at, g.converted_to,"
      + " COUNT(t.id), MIN(t.at), MAX(t.at) FROM unanswered_group g JOIN unanswered_text t ON t.group_id = g.id";
  private static final String GROUP_BY =
      " GROUP BY g.id, g.lemma_key, g.state, g.resolved_by, g.resolved_at, g.converted_to";

  private final DataSource dataSource;

  public JdbcUnansweredRepository(DataSource dataSource) {
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
  public void add(String keyHash, String key, UnansweredKind kind, String maskedText, Instant at) {
    with("add a text to the unanswered queue", c -> {
      String id = groupId(c, keyHash).orElse(null);
      if (id == null) {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO unanswered_group (id, key_hash, lemma_key, state) VALUES (?, ?, ?, 'OPEN')")) {
          ps.setString(1, UUID.randomUUID().toString());
          ps.setString(2, keyHash);
          ps.setString(3, key);
          ps.executeUpdate();
        } catch (SQLException e) {
          // Another node or thread created it first: the unique key hash refused this one.
          if (groupId(c, keyHash).isEmpty()) {
            throw e;
          }
        }
        id = groupId(c, keyHash).orElseThrow();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO unanswered_text (group_id, kind, masked_text, at) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, id);
        ps.setString(2, kind.name());
        ps.setString(3, maskedText);
        ps.setObject(4, utc(at));
        return ps.executeUpdate();
      }
    });
  }

  private static Optional<String> groupId(Connection c, String keyHash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM unanswered_group WHERE key_hash = ?")) {
      ps.setString(1, keyHash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  @Override
  public List<UnansweredGroup> groups(UnansweredGroup.State state, int limit, int examples) {
    return with("read the unanswered queue", c -> {
      String sql = SUMMARY + (state == null ? "" : " WHERE g.state = ?") + GROUP_BY
          + " ORDER BY COUNT(t.id) DESC, MAX(t.at) DESC, g.id FETCH FIRST ? ROWS ONLY";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        if (state != null) {
          ps.setString(i++, state.name());
        }
        ps.setInt(i, limit);
        return read(c, ps, examples);
      }
    });
  }

  @Override
  public Optional<UnansweredGroup> group(String id, int examples) {
    return with("read a group of the unanswered queue", c -> {
      try (PreparedStatement ps = c.prepareStatement(SUMMARY + " WHERE g.id = ?" + GROUP_BY)) {
        ps.setString(1, id);
        return read(c, ps, examples).stream().findFirst();
      }
    });
  }

  private static List<UnansweredGroup> read(Connection c, PreparedStatement ps, int examples) throws SQLException {
    record Row(String id, String key, String state, String by, LocalDateTime at, String to, int count,
        LocalDateTime first, LocalDateTime last) {}
    List<Row> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, LocalDateTime.class), rs.getString(6), rs.getInt(7),
            rs.getObject(8, LocalDateTime.class), rs.getObject(9, LocalDateTime.class)));
      }
    }
    List<UnansweredGroup> out = new ArrayList<>();
    for (Row r : rows) {
      Set<UnansweredKind> kinds = EnumSet.noneOf(UnansweredKind.class);
      try (PreparedStatement k = c.prepareStatement("SELECT DISTINCT kind FROM unanswered_text WHERE group_id = ?")) {
        k.setString(1, r.id());
        try (ResultSet rs = k.executeQuery()) {
          while (rs.next()) {
            kinds.add(UnansweredKind.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)));
          }
        }
      }
      List<String> texts = new ArrayList<>();
      try (PreparedStatement t = c.prepareStatement(
          "SELECT masked_text FROM unanswered_text WHERE group_id = ? ORDER BY at DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
        t.setString(1, r.id());
        t.setInt(2, examples);
        try (ResultSet rs = t.executeQuery()) {
          while (rs.next()) {
            texts.add(rs.getString(1));
          }
        }
      }
      out.add(new UnansweredGroup(r.id(), r.key(), UnansweredGroup.State.valueOf(r.state()), kinds, r.count(),
          instant(r.first()), instant(r.last()), texts, r.by(), instant(r.at()), r.to()));
    }
    return out;
  }

  @Override
  public boolean resolve(String id, UnansweredGroup.State state, String by, Instant at, String convertedTo) {
    return with("resolve a group of the unanswered queue", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE unanswered_group SET state = ?, resolved_by = ?,"
          + " resolved_at = ?, converted_to = ? WHERE id = ? AND state = 'OPEN'")) {
        ps.setString(1, state.name());
        ps.setString(2, by);
        ps.setObject(3, utc(at));
        ps.setString(4, convertedTo);
        ps.setString(5, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public int deleteBefore(Instant cutoff) {
    return with("delete old texts of the unanswered queue", c -> {
      int deleted;
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM unanswered_text WHERE at < ?")) {
        ps.setObject(1, utc(cutoff));
        deleted = ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM unanswered_group WHERE NOT EXISTS (SELECT 1 FROM unanswered_text t WHERE t.group_id = unanswered_group.id)")) {
        ps.executeUpdate();
      }
      return deleted;
    });
  }

  private static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static Instant instant(LocalDateTime t) {
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }
}
