DROP INDEX `activity_days_day_idx`;--> statement-breakpoint
CREATE INDEX `activity_days_day_user_idx` ON `activity_days` (`day`,`user_id`);