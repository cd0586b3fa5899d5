-- Per-client write counts for the rate limit on scenario writes, one row per client and
-- minute. The client is a SHA-256 hash of its address (the address itself is not kept);
-- rows of earlier minutes are deleted as new ones are written.
CREATE TABLE write_counts (
  client TEXT NOT NULL,
  minute INTEGER NOT NULL,               -- Unix time / 60
  count  INTEGER NOT NULL,
  PRIMARY KEY (client, minute)
) STRICT;

CREATE INDEX write_counts_minute ON write_counts (minute);
