-- Deleted accounts were renamed to `deleted-<id>` / `deleted-<id>@deleted.invalid`, forms
-- sign-up accepts, so anyone could pre-register them and make a deletion fail. They now take
-- `deleted:<id>` for both, which sign-up cannot produce (app/features/accounts/reserved-names.ts).
UPDATE `users` SET `username` = 'deleted:' || `id`, `email` = 'deleted:' || `id` WHERE `deleted_at` IS NOT NULL;
