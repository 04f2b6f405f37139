-- The tables as ConversationStore created them before migrations existed. A database that
-- already has them is baselined at this version (baselineOnMigrate), so this runs only on an
-- empty database. Portable SQL: runs unchanged on H2 and PostgreSQL.
CREATE TABLE conversation (
  id VARCHAR(36) PRIMARY KEY,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);

CREATE TABLE turn (
  conversation_id VARCHAR(36) NOT NULL REFERENCES conversation (id),
  seq INT NOT NULL,
  at TIMESTAMP NOT NULL,
  role VARCHAR(16) NOT NULL,
  masked_text TEXT NOT NULL,
  facts TEXT NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);
