-- Every event carries the coder's confidence in it (0-1), so stored
-- events can be filtered and exported with it. Events stored before this
-- migration have none (NULL).
ALTER TABLE events ADD COLUMN confidence DOUBLE PRECISION;
