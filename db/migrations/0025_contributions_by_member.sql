DROP INDEX `comments_author_idx`;--> statement-breakpoint
CREATE INDEX `comments_author_created_idx` ON `comments` (`author_id`,`created_at`,`is_official`);--> statement-breakpoint
DROP INDEX `ratings_user_idx`;--> statement-breakpoint
CREATE INDEX `ratings_user_created_idx` ON `ratings` (`user_id`,`created_at`);--> statement-breakpoint
DROP INDEX `suggestions_author_idx`;--> statement-breakpoint
CREATE INDEX `suggestions_author_created_idx` ON `suggestions` (`author_id`,`created_at`);--> statement-breakpoint
DROP INDEX `votes_user_idx`;--> statement-breakpoint
CREATE INDEX `votes_user_created_idx` ON `votes` (`user_id`,`created_at`);