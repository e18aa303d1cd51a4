-- One table per kind of item. `data` is the item as JSON (query it with json_extract);
-- the other columns are there to filter and join with any SQLite tool.
CREATE TABLE raw (id TEXT PRIMARY KEY, source TEXT, data TEXT NOT NULL);
CREATE TABLE article (id TEXT PRIMARY KEY, source TEXT, outlet TEXT, title TEXT,
                      published TEXT, data TEXT NOT NULL);
CREATE TABLE duplicate_group (id TEXT PRIMARY KEY, canonical TEXT, data TEXT NOT NULL);
CREATE TABLE story (id TEXT PRIMARY KEY, title TEXT, data TEXT NOT NULL);
CREATE TABLE quote (id TEXT PRIMARY KEY, article_id TEXT, speaker TEXT, data TEXT NOT NULL);
CREATE TABLE fact (id TEXT PRIMARY KEY, article_id TEXT, kind TEXT, data TEXT NOT NULL);
CREATE TABLE claim (id TEXT PRIMARY KEY, article_id TEXT, data TEXT NOT NULL);
CREATE TABLE evidence (id TEXT PRIMARY KEY, story_id TEXT, claim_id TEXT, article_id TEXT,
                       stance TEXT, data TEXT NOT NULL);
CREATE TABLE finding (id TEXT PRIMARY KEY, story_id TEXT, kind TEXT, data TEXT NOT NULL);
CREATE TABLE brief (id TEXT PRIMARY KEY, story_id TEXT, data TEXT NOT NULL);
CREATE TABLE failure (id TEXT PRIMARY KEY, stage TEXT, source TEXT, error TEXT, message TEXT,
                      data TEXT NOT NULL);
CREATE INDEX quote_article ON quote(article_id);
CREATE INDEX fact_article ON fact(article_id);
CREATE INDEX claim_article ON claim(article_id);
CREATE INDEX evidence_story ON evidence(story_id);
CREATE INDEX finding_story ON finding(story_id);
CREATE INDEX brief_story ON brief(story_id);
