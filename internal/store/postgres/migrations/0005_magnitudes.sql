-- Events carry the counts of people their clause gives (the killed, the
-- injured, the arrested, the displaced, the size of a crowd) as JSON, like
-- quantities: [{"kind","text","value","bound"}], or NULL when none.
-- Numbered 5: 4 is the clusters migration.
ALTER TABLE events ADD COLUMN magnitudes TEXT;
