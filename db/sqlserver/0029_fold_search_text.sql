-- Search (`q`) matches names in every script, titles and descriptions, ignoring case and ё/е. The
-- folding is the API's (SearchText.Fold), not the collation's, so both databases compare the same
-- strings. This script only makes room: SMEs gain name_en and search_names (their folded names, which a
-- need search also matches), partners gain name_ru, search_text grows to hold descriptions, and every
-- search_text is emptied; the API refolds the empty ones at start-up, before it answers requests.
ALTER TABLE smes ADD name_en nvarchar(200) NULL,
    search_names nvarchar(450) NOT NULL CONSTRAINT DF_smes_search_names DEFAULT '';
ALTER TABLE partners ADD name_ru nvarchar(200) NULL;
ALTER TABLE smes ALTER COLUMN search_text nvarchar(max) NOT NULL;
ALTER TABLE partners ALTER COLUMN search_text nvarchar(max) NOT NULL;
ALTER TABLE needs ALTER COLUMN search_text nvarchar(max) NOT NULL;
GO

UPDATE smes SET search_text = '';
UPDATE partners SET search_text = '';
UPDATE needs SET search_text = '';

-- A `q` is a LIKE N'%…%' (it finds a fragment anywhere, Chinese included), which no B-tree index can
-- seek. These serve it the cheapest way there is: each list walks its index newest first (the order it
-- answers in), tests the folded text carried in the index leaf, and stops once the page is full, never
-- touching the wide rows of records that do not match. A rare term still reads the whole index.
CREATE INDEX IX_smes_newest ON smes (created_at DESC, id DESC) INCLUDE (search_text, search_names);
CREATE INDEX IX_partners_newest ON partners (created_at DESC, id DESC) INCLUDE (search_text);
CREATE INDEX IX_needs_newest ON needs (created_at DESC, id DESC) INCLUDE (search_text, status, expires_at, sme_id);
