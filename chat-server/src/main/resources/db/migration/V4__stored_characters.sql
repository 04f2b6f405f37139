-- How many characters of text a conversation holds, so the cap on it is checked without reading
-- its turns. Conversations stored before count what their turns hold. Portable SQL: runs
-- unchanged on H2 and PostgreSQL.
ALTER TABLE conversation ADD COLUMN stored_characters BIGINT DEFAULT 0 NOT NULL;

UPDATE conversation SET stored_characters =
    (SELECT COALESCE(SUM(LENGTH(turn.masked_text)), 0) FROM turn WHERE turn.conversation_id = conversation.id);
