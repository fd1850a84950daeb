CREATE TABLE `saved_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`body_en` text NOT NULL,
	`body_zh` text NOT NULL,
	`status` text,
	`usage_count` integer DEFAULT 0 NOT NULL,
	`last_used_at` integer,
	`created_by_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `status_changes` ADD `reverts_id` integer;--> statement-breakpoint
CREATE INDEX `suggestions_waiting_idx` ON `suggestions` (`created_at`,`id`) WHERE first_official_reply_at is null;--> statement-breakpoint
CREATE INDEX `suggestions_answered_idx` ON `suggestions` (`first_official_reply_at`) WHERE first_official_reply_at is not null;