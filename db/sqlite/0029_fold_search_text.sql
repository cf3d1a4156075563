-- Search (`q`) matches names in every script, titles and descriptions, ignoring case and ё/е. The
-- folding is the API's (SearchText.Fold: SQLite's LOWER folds ASCII only), so this script only makes
-- room: SMEs gain name_en and search_names (their folded names, which a need search also matches),
-- partners gain name_ru, and every search_text is emptied; the API refolds the empty ones at start-up,
-- before it answers requests.
ALTER TABLE smes ADD COLUMN name_en TEXT NULL;
ALTER TABLE smes ADD COLUMN search_names TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN name_ru TEXT NULL;

UPDATE smes SET search_text = '';
UPDATE partners SET search_text = '';
UPDATE needs SET search_text = '';

-- A `q` is a LIKE '%…%' (it finds a fragment anywhere, Chinese included), which no B-tree index can
-- seek. The lists walk these indexes newest first and test each row until the page is full.
CREATE INDEX IX_smes_newest ON smes (created_at, id);
CREATE INDEX IX_partners_newest ON partners (created_at, id);
CREATE INDEX IX_needs_newest ON needs (created_at, id);
