-- A breakdown is the need and partner rows explained under the scoring version, so answers now
-- explain it when they are built; storing it took about 1.4 KB per pair, most of a full re-score's
-- writing, for text that any change to either side rewrites anyway.
ALTER TABLE match_scores DROP COLUMN breakdown;
