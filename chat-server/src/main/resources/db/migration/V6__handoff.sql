-- A citizen's request to talk with an adviser, made with consent from the chat: the facts (JSON,
-- as on the conversation) and the plan's steps (one per line) as they stood then, and who took it.
-- Deleted with its conversation by the retention job. Portable SQL: runs unchanged on H2 and
-- PostgreSQL.
CREATE TABLE handoff (
  id VARCHAR(36) PRIMARY KEY,
  conversation_id VARCHAR(36) NOT NULL REFERENCES conversation (id),
  status VARCHAR(16) NOT NULL,
  consent_at TIMESTAMP NOT NULL,
  facts TEXT NOT NULL,
  plan TEXT NOT NULL,
  claimed_by VARCHAR(64),
  claimed_at TIMESTAMP,
  closed_at TIMESTAMP
);

CREATE INDEX handoff_status_consent_at ON handoff (status, consent_at);
CREATE INDEX handoff_conversation_id ON handoff (conversation_id);
