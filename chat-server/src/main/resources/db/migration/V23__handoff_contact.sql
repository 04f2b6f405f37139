-- How an adviser can reach a citizen who asked for a person outside the advisers' opening hours:
-- a phone number and/or an e-mail address, kept only on the handoff, so they are deleted with it
-- and its conversation by the retention job. Portable SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE handoff ADD COLUMN contact_phone VARCHAR(16);
ALTER TABLE handoff ADD COLUMN contact_email VARCHAR(254);
