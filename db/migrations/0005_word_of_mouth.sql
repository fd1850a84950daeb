CREATE TABLE `campaign_picks` (
	`campaign_id` integer NOT NULL,
	`suggestion_id` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`campaign_id`, `suggestion_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`suggestion_id`) REFERENCES `suggestions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`board_id` integer NOT NULL,
	`slug` text NOT NULL,
	`title_en` text NOT NULL,
	`title_zh` text NOT NULL,
	`banner_en` text DEFAULT '' NOT NULL,
	`banner_zh` text DEFAULT '' NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`tag_id` integer,
	`created_by_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_slug_unique` ON `campaigns` (`slug`);--> statement-breakpoint
CREATE INDEX `campaigns_board_idx` ON `campaigns` (`board_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inviter_id` integer NOT NULL,
	`code` text NOT NULL,
	`invitee_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer,
	`opened_at` integer,
	`joined_at` integer,
	`activated_at` integer,
	`rewarded_at` integer,
	`reward_withheld` text,
	FOREIGN KEY (`inviter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invitee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_code_unique` ON `invitations` (`code`);--> statement-breakpoint
CREATE INDEX `invitations_inviter_idx` ON `invitations` (`inviter_id`);--> statement-breakpoint
CREATE INDEX `invitations_invitee_idx` ON `invitations` (`invitee_id`);--> statement-breakpoint
CREATE TABLE `recommendation_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`score` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recommendation_answers_user_idx` ON `recommendation_answers` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `score_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`week_start` text NOT NULL,
	`scope` text NOT NULL,
	`scope_id` integer DEFAULT 0 NOT NULL,
	`total` real NOT NULL,
	`satisfaction` real NOT NULL,
	`achievement` real NOT NULL,
	`loyalty` real NOT NULL,
	`report` text NOT NULL,
	`computed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `score_snapshots_unique` ON `score_snapshots` (`week_start`,`scope`,`scope_id`);--> statement-breakpoint
CREATE INDEX `score_snapshots_scope_idx` ON `score_snapshots` (`scope`,`scope_id`,`week_start`);--> statement-breakpoint
CREATE TABLE `share_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sharer_id` integer NOT NULL,
	`suggestion_id` integer,
	`visitor_key` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`sharer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`suggestion_id`) REFERENCES `suggestions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `share_visits_unique` ON `share_visits` (`sharer_id`,`visitor_key`,`suggestion_id`);--> statement-breakpoint
CREATE INDEX `share_visits_sharer_idx` ON `share_visits` (`sharer_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `invited_by_id` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `signup_source` text DEFAULT 'direct' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `signup_address` text;