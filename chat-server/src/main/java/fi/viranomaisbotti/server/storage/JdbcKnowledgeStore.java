package fi.viranomaisbotti.server.storage;

import fi.viranomaisbotti.engine.editor.DraftRepository;
import fi.viranomaisbotti.engine.editor.KnowledgeVersion;
import fi.viranomaisbotti.engine.editor.KnowledgeVersionRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Knowledge versions and the shared draft in the tables of {@code V21__knowledge_versions_and_draft.sql},
 * over plain JDBC, the same on H2 and PostgreSQL. Every write takes the row lock of the single
 * {@code knowledge_draft} row first, so draft updates and publishes are serialised across server
 * nodes; on one node a lock in front of it keeps waiting writers out of the database's lock timeout.
 * Thread-safe.
 */
public final class JdbcKnowledgeStore implements KnowledgeVersionRepository, DraftRepository {
  private static final String VERSION_COLUMNS = "version, hash, published_by, published_at, message, origin, live";

  private final DataSource dataSource;
  private final ReentrantLock writing = new ReentrantLock();

  public JdbcKnowledgeStore(DataSource dataSource) {
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
      throw failed(what, e);
    }
  }

  /** Runs the work in one transaction holding the draft row's lock; a failure rolls it all back. */
  private <T> T locked(String what, Work<T> work) {
    writing.lock();
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps = c.prepareStatement("UPDATE knowledge_draft SET revision = revision + 1 WHERE id = 1")) {
          ps.executeUpdate();
        }
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw failed(what, e);
    } finally {
      writing.unlock();
    }
  }

  private static IllegalStateException failed(String what, SQLException e) {
    return new IllegalStateException("Could not " + what + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
  }

  // ---- versions

  @Override
  public List<KnowledgeVersion> list() {
    return with("list the knowledge versions", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + " FROM knowledge_version ORDER BY version DESC")) {
        return versions(ps);
      }
    });
  }

  @Override
  public Optional<KnowledgeVersion> live() {
    return with("read the live knowledge version", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + " FROM knowledge_version WHERE live = TRUE")) {
        return versions(ps).stream().findFirst();
      }
    });
  }

  @Override
  public Optional<KnowledgeVersion> find(int number) {
    return with("read knowledge version " + number, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + " FROM knowledge_version WHERE version = ?")) {
        ps.setInt(1, number);
        return versions(ps).stream().findFirst();
      }
    });
  }

  @Override
  public Optional<SortedMap<String, String>> files(int number) {
    return with("read the files of knowledge version " + number, c -> {
      try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM knowledge_version WHERE version = ?")) {
        exists.setInt(1, number);
        try (ResultSet rs = exists.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
        }
      }
      SortedMap<String, String> out = new TreeMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT f.path, b.content FROM knowledge_version_file f"
          + " JOIN knowledge_blob b ON b.hash = f.blob_hash WHERE f.version = ?")) {
        ps.setInt(1, number);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), rs.getString(2));
          }
        }
      }
      return Optional.of(out);
    });
  }

  @Override
  public boolean packaged(String hash) {
    return with("look for a packaged corpus", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM knowledge_version WHERE hash = ? AND origin = ?")) {
        ps.setString(1, hash);
        ps.setString(2, KnowledgeVersion.PACKAGE);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public KnowledgeVersion publish(SortedMap<String, String> files, String hash, String by, Instant at, String message, String origin) {
    return locked("store a knowledge version", c -> {
      int number;
      try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(version), 0) + 1 FROM knowledge_version");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        number = rs.getInt(1);
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE knowledge_version SET live = FALSE WHERE live = TRUE")) {
        ps.executeUpdate();
      }
      LocalDateTime when = utc(at);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO knowledge_version (" + VERSION_COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, TRUE)")) {
        ps.setInt(1, number);
        ps.setString(2, hash);
        ps.setString(3, by);
        ps.setObject(4, when);
        ps.setString(5, message);
        ps.setString(6, origin);
        ps.executeUpdate();
      }
      Map<String, String> blobs = new LinkedHashMap<>();
      files.forEach((path, text) -> blobs.put(path, sha256(text)));
      try (PreparedStatement seen = c.prepareStatement("SELECT 1 FROM knowledge_blob WHERE hash = ?");
          PreparedStatement add = c.prepareStatement("INSERT INTO knowledge_blob (hash, content) VALUES (?, ?)")) {
        java.util.Set<String> added = new java.util.HashSet<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
          String blob = blobs.get(f.getKey());
          if (!added.add(blob)) {
            continue;
          }
          seen.setString(1, blob);
          try (ResultSet rs = seen.executeQuery()) {
            if (rs.next()) {
              continue;
            }
          }
          add.setString(1, blob);
          add.setString(2, f.getValue());
          add.executeUpdate();
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO knowledge_version_file (version, path, blob_hash) VALUES (?, ?, ?)")) {
        for (Map.Entry<String, String> b : blobs.entrySet()) {
          ps.setInt(1, number);
          ps.setString(2, b.getKey());
          ps.setString(3, b.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return new KnowledgeVersion(number, hash, by, instant(when), message, origin, true);
    });
  }

  @Override
  public void markLive(int number) {
    locked("make knowledge version " + number + " live", c -> {
      try (PreparedStatement off = c.prepareStatement("UPDATE knowledge_version SET live = FALSE WHERE live = TRUE");
          PreparedStatement on = c.prepareStatement("UPDATE knowledge_version SET live = TRUE WHERE version = ?")) {
        off.executeUpdate();
        on.setInt(1, number);
        if (on.executeUpdate() != 1) {
          throw new SQLException("no knowledge version " + number);
        }
      }
      return null;
    });
  }

  private static List<KnowledgeVersion> versions(PreparedStatement ps) throws SQLException {
    List<KnowledgeVersion> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new KnowledgeVersion(rs.getInt(1), rs.getString(2), rs.getString(3), instant(rs.getObject(4, LocalDateTime.class)),
            rs.getString(5), rs.getString(6), rs.getBoolean(7)));
      }
    }
    return out;
  }

  // ---- draft

  @Override
  public Draft read() {
    return with("read the knowledge draft", this::draft);
  }

  @Override
  public <T> T update(Update<T> update) {
    return locked("change the knowledge draft", c -> {
      Draft current = draft(c);
      Edit<T> edit = update.apply(current);
      if (edit.clearFirst()) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM knowledge_draft_file")) {
          ps.executeUpdate();
        }
      }
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM knowledge_draft_file WHERE path = ?");
          PreparedStatement insert = c.prepareStatement("INSERT INTO knowledge_draft_file (path, content, revision) VALUES (?, ?, ?)")) {
        for (Map.Entry<String, String> f : edit.files().entrySet()) {
          delete.setString(1, f.getKey());
          delete.executeUpdate();
          insert.setString(1, f.getKey());
          insert.setString(2, f.getValue());
          insert.setLong(3, current.revision());
          insert.executeUpdate();
        }
      }
      return edit.result();
    });
  }

  @Override
  public void clearUpTo(long revision) {
    locked("empty the published knowledge draft", c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM knowledge_draft_file WHERE revision <= ?")) {
        ps.setLong(1, revision);
        return ps.executeUpdate();
      }
    });
  }

  /** The draft as the connection sees it; inside an update, with its revision already raised. */
  private Draft draft(Connection c) throws SQLException {
    long revision;
    try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM knowledge_draft WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      revision = rs.getLong(1);
    }
    Map<String, String> files = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT path, content FROM knowledge_draft_file");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        files.put(rs.getString(1), rs.getString(2));
      }
    }
    return new Draft(revision, files);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
