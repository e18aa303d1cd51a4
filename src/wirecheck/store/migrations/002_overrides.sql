-- Story merges and splits decided by a person (who and when), re-applied on every run.
CREATE TABLE override (id TEXT PRIMARY KEY, action TEXT, by TEXT, at TEXT, data TEXT NOT NULL);
