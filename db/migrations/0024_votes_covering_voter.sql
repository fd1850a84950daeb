DROP INDEX `votes_suggestion_created_idx`;--> statement-breakpoint
CREATE INDEX `votes_suggestion_created_idx` ON `votes` (`suggestion_id`,`created_at`,`user_id`);