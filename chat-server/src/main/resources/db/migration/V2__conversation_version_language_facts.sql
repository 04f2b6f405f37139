-- A conversation carries its version (the number of its turns, for optimistic appends from
-- several server nodes), the language of its latest text turn and the facts known after its
-- latest turn, so the next turn needs no replay of the earlier ones.
ALTER TABLE conversation ADD COLUMN version INT DEFAULT 0 NOT NULL;
ALTER TABLE conversation ADD COLUMN language VARCHAR(8) DEFAULT 'fi' NOT NULL;
ALTER TABLE conversation ADD COLUMN facts TEXT DEFAULT '[]' NOT NULL;

-- Conversations stored before: the version is their last turn's number and the facts are those
-- stored with that turn (a JSON object of concept to value, which the facts codec still reads).
UPDATE conversation
   SET version = COALESCE((SELECT MAX(t.seq) FROM turn t WHERE t.conversation_id = conversation.id), 0);

UPDATE conversation
   SET facts = (SELECT t.facts FROM turn t WHERE t.conversation_id = conversation.id AND t.seq = conversation.version)
 WHERE version > 0;
