-- The language a user chose for Encaisse (issue 7, ADR 18): the web starts in it on any
-- browser once signed in, and the API words its answers in it when a request names no
-- language (`Accept-Language` first, then this, then French). NULL until the user picks
-- one: such a user follows the browser's choice, French by default.
ALTER TABLE app_user ADD COLUMN language text;
ALTER TABLE app_user
  ADD CONSTRAINT app_user_language_check CHECK (language IN ('fr', 'en'));
