-- Each conversation's resume token, kept only as its SHA-256 (64 hex digits): only the holder of
-- the token may resume a conversation. Conversations stored before have no token and can no longer
-- be resumed; the retention job deletes them with the others once they have been inactive long
-- enough. Portable SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE conversation ADD COLUMN resume_token_hash VARCHAR(64);

-- The retention job looks conversations up by the time of their latest turn.
CREATE INDEX conversation_updated_at ON conversation (updated_at);
