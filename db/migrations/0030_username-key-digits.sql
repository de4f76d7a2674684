-- Usernames typed with Persian (۰–۹) or Arabic-Indic (٠–٩) digits name the same account as with
-- Latin digits (lib/validation/account.ts `usernameKey`): the keys stored before are folded the same
-- way. A key whose folded form is shared with another account («maryam۱۲» beside «maryam12», or
-- «ali۱» beside «ali١») is left as it is: no account takes another's key, the unique index holds,
-- and lib/auth/username-lookup.ts still finds it by the digits it was made with. Such accounts are
-- listed by: SELECT username FROM users WHERE username_key ~ '[۰-۹٠-٩]';
WITH "folded" AS (
  SELECT "id", "username_key", translate("username_key", '۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩', '01234567890123456789') AS "key" FROM "users"
), "shared" AS (
  SELECT "key" FROM "folded" GROUP BY "key" HAVING count(*) > 1
)
UPDATE "users" SET "username_key" = "folded"."key"
FROM "folded"
WHERE "folded"."id" = "users"."id"
  AND "folded"."key" <> "folded"."username_key"
  AND "folded"."key" NOT IN (SELECT "key" FROM "shared");
