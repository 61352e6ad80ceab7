-- An allocation undone keeps the business date it was undone on, beside the instant: a
-- balance as of a past date (the aged balance, DSO) counts the allocations live that day,
-- those dated on or before it and not undone by then. The instant alone would need the
-- company's time zone at every read; the date is fixed once, in it, when undone.
ALTER TABLE allocation ADD COLUMN undone_on date;

UPDATE allocation a SET undone_on = (a.undone_at AT TIME ZONE c.time_zone)::date
FROM company c
WHERE c.id = a.company_id AND a.undone_at IS NOT NULL;

ALTER TABLE allocation ADD CONSTRAINT allocation_undone_on_with_undone_at
  CHECK ((undone_at IS NULL) = (undone_on IS NULL));
