-- Which story stages ran on which story, and on what (a hash): later runs redo only the
-- stories whose inputs changed.
CREATE TABLE run (id TEXT PRIMARY KEY, story_id TEXT, stage TEXT, data TEXT NOT NULL);
CREATE INDEX run_story ON run(story_id);
