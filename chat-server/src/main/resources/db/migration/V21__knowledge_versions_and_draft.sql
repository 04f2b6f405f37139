-- The knowledge editor (issue 15). Published versions of the corpus, each a complete set of files
-- with its content hash, who published it, when, why and how (package, publish, rollback); one is
-- live, and a restart loads it. A file's text is kept once per distinct text (knowledge_blob, by
-- its SHA-256), so a version that changes one answer adds one text, not the whole corpus.
-- The shared draft holds the files that differ from the live version (content NULL: the draft
-- removes the file); its single knowledge_draft row is the lock every draft change takes, and its
-- revision grows with each change. Portable SQL: runs unchanged on H2 and PostgreSQL.
CREATE TABLE knowledge_blob (
  hash VARCHAR(64) PRIMARY KEY,
  content TEXT NOT NULL
);

CREATE TABLE knowledge_version (
  version INTEGER PRIMARY KEY,
  hash VARCHAR(64) NOT NULL,
  published_by VARCHAR(64) NOT NULL,
  published_at TIMESTAMP NOT NULL,
  message VARCHAR(500) NOT NULL,
  origin VARCHAR(16) NOT NULL,
  live BOOLEAN NOT NULL
);

CREATE INDEX knowledge_version_live ON knowledge_version (live);
CREATE INDEX knowledge_version_hash ON knowledge_version (hash);

CREATE TABLE knowledge_version_file (
  version INTEGER NOT NULL REFERENCES knowledge_version (version),
  path VARCHAR(200) NOT NULL,
  blob_hash VARCHAR(64) NOT NULL REFERENCES knowledge_blob (hash),
  PRIMARY KEY (version, path)
);

CREATE TABLE knowledge_draft (
  id INTEGER PRIMARY KEY,
  revision BIGINT NOT NULL
);

INSERT INTO knowledge_draft (id, revision) VALUES (1, 0);

CREATE TABLE knowledge_draft_file (
  path VARCHAR(200) PRIMARY KEY,
  content TEXT,
  revision BIGINT NOT NULL
);
