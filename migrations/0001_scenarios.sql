-- Shared scenarios: one row per scenario (who may edit it, which version is current) and
-- one row per stored version (the workbench's scenario file as text, as sent, re-serialised).
-- Only a SHA-256 hash of the edit token is kept; the token itself is shown once, on creation.
CREATE TABLE scenarios (
  id         TEXT PRIMARY KEY,           -- 128 random bits, base64url (22 characters)
  token_hash TEXT NOT NULL,              -- SHA-256 of the edit token, hex
  latest     INTEGER NOT NULL,           -- number of the current version (1, 2, …)
  created_at TEXT NOT NULL,              -- ISO 8601, UTC
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE scenario_versions (
  scenario_id  TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  n            INTEGER NOT NULL,         -- version number, from 1
  name         TEXT NOT NULL,            -- the scenario's name in this version (plain text)
  body         TEXT NOT NULL,            -- the scenario file (GeoJSON FeatureCollection), JSON text
  features     INTEGER NOT NULL,         -- proposals in it
  data_version TEXT NOT NULL,            -- hash of the shipped layers it was made on
  created_at   TEXT NOT NULL,
  PRIMARY KEY (scenario_id, n)
) STRICT;
