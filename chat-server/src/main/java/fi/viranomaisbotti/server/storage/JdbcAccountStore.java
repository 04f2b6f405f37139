package fi.viranomaisbotti.server.storage;

import fi.viranomaisbotti.server.accounts.Account;
import fi.viranomaisbotti.server.accounts.AccountRepository;
import fi.viranomaisbotti.server.accounts.AuditEvent;
import fi.viranomaisbotti.server.accounts.AuditRepository;
import fi.viranomaisbotti.server.accounts.SessionRepository;
import fi.viranomaisbotti.server.accounts.StoredAccount;
import fi.viranomaisbotti.server.accounts.StoredSession;
import fi.viranomaisbotti.server.web.Role;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Accounts, sessions and the audit log in the tables of {@code V5__accounts_sessions_audit.sql},
 * over plain JDBC, the same on H2 and PostgreSQL. Times in UTC. Thread-safe.
 */
public final class JdbcAccountStore implements AccountRepository, SessionRepository, AuditRepository {
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  public JdbcAccountStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @FunctionalInterface
  private interface Statement<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T with(String what, Statement<T> statement) {
    try (Connection c = dataSource.getConnection()) {
      return statement.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not " + what + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
    }
  }

  @Override
  public Optional<StoredAccount> find(String username) {
    return with("read an account", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT username, roles, enabled, created_at, password_hash, failed_attempts,"
          + " locked_until FROM account WHERE username = ?")) {
        ps.setString(1, username);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          LocalDateTime locked = rs.getObject(7, LocalDateTime.class);
          return Optional.of(new StoredAccount(account(rs), rs.getString(5), rs.getInt(6), locked == null ? null : instant(locked)));
        }
      }
    });
  }

  private static Account account(ResultSet rs) throws SQLException {
    return new Account(rs.getString(1), roles(rs.getString(2)), rs.getBoolean(3), instant(rs.getObject(4, LocalDateTime.class)));
  }

  @Override
  public boolean create(Account account, String passwordHash) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO account (username, password_hash, roles, enabled, created_at) VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, account.username());
      ps.setString(2, passwordHash);
      ps.setString(3, text(account.roles()));
      ps.setBoolean(4, account.enabled());
      ps.setObject(5, utc(account.createdAt()));
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false;
      }
      throw new IllegalStateException("Could not store the account '" + account.username() + "': " + e.getMessage(), e);
    }
  }

  @Override
  public List<Account> all() {
    return with("list the accounts", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT username, roles, enabled, created_at FROM account ORDER BY username");
          ResultSet rs = ps.executeQuery()) {
        List<Account> out = new ArrayList<>();
        while (rs.next()) {
          out.add(account(rs));
        }
        return out;
      }
    });
  }

  @Override
  public int count() {
    return with("count the accounts", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM account"); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  @Override
  public boolean update(String username, Set<Role> roles, boolean enabled) {
    return with("change the account '" + username + "'", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE account SET roles = ?, enabled = ? WHERE username = ?")) {
        ps.setString(1, text(roles));
        ps.setBoolean(2, enabled);
        ps.setString(3, username);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean setPassword(String username, String passwordHash) {
    return with("set the password of '" + username + "'", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE account SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE username = ?")) {
        ps.setString(1, passwordHash);
        ps.setString(2, username);
        return ps.executeUpdate() == 1;
      }
    });
  }

  @Override
  public int recordFailure(String username) {
    return with("count a failed sign-in", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE account SET failed_attempts = failed_attempts + 1 WHERE username = ?")) {
        ps.setString(1, username);
        if (ps.executeUpdate() == 0) {
          return 0;
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT failed_attempts FROM account WHERE username = ?")) {
        ps.setString(1, username);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getInt(1) : 0;
        }
      }
    });
  }

  @Override
  public void lockUntil(String username, Instant until) {
    with("lock an account", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE account SET locked_until = ? WHERE username = ?")) {
        ps.setObject(1, utc(until));
        ps.setString(2, username);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void recordSuccess(String username) {
    with("clear failed sign-ins", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE username = ?")) {
        ps.setString(1, username);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void createSession(StoredSession s) {
    with("store a session", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO account_session (id_hash, username, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, s.idHash());
        ps.setString(2, s.username());
        ps.setString(3, s.csrfToken());
        ps.setObject(4, utc(s.createdAt()));
        ps.setObject(5, utc(s.expiresAt()));
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public Optional<StoredSession> findSession(String idHash) {
    return with("read a session", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT username, csrf_token, created_at, expires_at FROM account_session WHERE id_hash = ?")) {
        ps.setString(1, idHash);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(new StoredSession(idHash, rs.getString(1), rs.getString(2),
              instant(rs.getObject(3, LocalDateTime.class)), instant(rs.getObject(4, LocalDateTime.class))));
        }
      }
    });
  }

  @Override
  public void deleteSession(String idHash) {
    update("end a session", "DELETE FROM account_session WHERE id_hash = ?", idHash);
  }

  @Override
  public void deleteSessionsOf(String username) {
    update("end the sessions of '" + username + "'", "DELETE FROM account_session WHERE username = ?", username);
  }

  @Override
  public int deleteExpiredSessions(Instant now) {
    return with("delete expired sessions", c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM account_session WHERE expires_at <= ?")) {
        ps.setObject(1, utc(now));
        return ps.executeUpdate();
      }
    });
  }

  private int update(String what, String sql, String key) {
    return with(what, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, key);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void append(AuditEvent e) {
    with("record an audit event", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO audit_event (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")) {
        ps.setObject(1, utc(e.at()));
        ps.setString(2, e.actor());
        ps.setString(3, e.action());
        ps.setString(4, e.target());
        ps.setString(5, e.detail());
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public List<AuditEvent> latest(String actor, int limit) {
    return with("read the audit log", c -> {
      String sql = "SELECT id, at, actor, action, target, detail FROM audit_event"
          + (actor == null ? "" : " WHERE actor = ?") + " ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        if (actor != null) {
          ps.setString(1, actor);
        }
        try (ResultSet rs = ps.executeQuery()) {
          List<AuditEvent> out = new ArrayList<>();
          while (rs.next()) {
            out.add(new AuditEvent(rs.getLong(1), instant(rs.getObject(2, LocalDateTime.class)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6)));
          }
          return out;
        }
      }
    });
  }

  private static String text(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
  }

  private static Set<Role> roles(String text) {
    Set<Role> out = EnumSet.noneOf(Role.class);
    Arrays.stream(text.split(",")).map(String::strip).filter(r -> !r.isEmpty())
        .forEach(r -> out.add(Role.valueOf(r.toUpperCase(Locale.ROOT))));
    return out;
  }

  private static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static Instant instant(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC);
  }
}
