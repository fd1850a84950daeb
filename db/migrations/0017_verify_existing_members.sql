-- Members who joined before email verification existed count as verified: turning the
-- setting on must not silence every existing voter, only accounts made from then on.
UPDATE `users` SET `email_verified_at` = `created_at` WHERE `email_verified_at` IS NULL;
