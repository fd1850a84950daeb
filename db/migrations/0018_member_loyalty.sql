CREATE TABLE `member_loyalty` (
	`week_start` text NOT NULL,
	`user_id` integer NOT NULL,
	`total` real NOT NULL,
	`satisfaction` real NOT NULL,
	`achievement` real NOT NULL,
	`loyalty` real NOT NULL,
	`returning` real NOT NULL,
	`active_weeks` real NOT NULL,
	`repeat_contribution` real NOT NULL,
	`honors` real NOT NULL,
	`privileges` real NOT NULL,
	`recommendation` real NOT NULL,
	`invitations` real NOT NULL,
	`percentile` integer NOT NULL,
	`honor_level` integer NOT NULL,
	`cohort` text NOT NULL,
	`joined_at` integer NOT NULL,
	`last_active` text,
	`status` text NOT NULL,
	`invitees_stayed` integer NOT NULL,
	`holds_honors` integer NOT NULL,
	PRIMARY KEY(`week_start`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `member_loyalty_loyalty_idx` ON `member_loyalty` (`week_start`,`loyalty`);--> statement-breakpoint
CREATE INDEX `member_loyalty_cohort_idx` ON `member_loyalty` (`week_start`,`cohort`,`loyalty`);--> statement-breakpoint
CREATE INDEX `member_loyalty_status_idx` ON `member_loyalty` (`week_start`,`status`,`loyalty`);--> statement-breakpoint
CREATE INDEX `member_loyalty_user_idx` ON `member_loyalty` (`user_id`,`week_start`);--> statement-breakpoint
CREATE TABLE `score_runs` (
	`week_start` text PRIMARY KEY NOT NULL,
	`claimed_at` integer NOT NULL,
	`finished_at` integer,
	`claimed_by` text NOT NULL,
	`duration_ms` integer
);
