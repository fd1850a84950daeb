ALTER TABLE `suggestions` ADD `hot_score` real GENERATED ALWAYS AS (log10(max(vote_count, 1)) + (created_at / 1000.0 - 1700000000) / 86400.0) VIRTUAL;--> statement-breakpoint
CREATE INDEX `suggestions_board_hot_idx` ON `suggestions` (`board_id`,`hot_score`);--> statement-breakpoint
CREATE INDEX `suggestions_hot_idx` ON `suggestions` (`hot_score`);