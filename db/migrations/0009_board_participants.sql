CREATE TABLE `board_participants` (
	`board_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`since` integer NOT NULL,
	PRIMARY KEY(`board_id`, `user_id`),
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Kept by the database itself: every post, vote, non-official comment and rating makes its
-- author a participant of the suggestion's board, since the earliest of them.
CREATE TRIGGER `board_participants_suggestion` AFTER INSERT ON `suggestions` BEGIN
  INSERT INTO `board_participants` (board_id, user_id, since) VALUES (new.board_id, new.author_id, new.created_at)
  ON CONFLICT (board_id, user_id) DO UPDATE SET since = min(since, excluded.since);
END;
--> statement-breakpoint
CREATE TRIGGER `board_participants_vote` AFTER INSERT ON `votes` BEGIN
  INSERT INTO `board_participants` (board_id, user_id, since)
  SELECT s.board_id, new.user_id, new.created_at FROM `suggestions` s WHERE s.id = new.suggestion_id
  ON CONFLICT (board_id, user_id) DO UPDATE SET since = min(since, excluded.since);
END;
--> statement-breakpoint
CREATE TRIGGER `board_participants_comment` AFTER INSERT ON `comments` WHEN new.is_official = 0 BEGIN
  INSERT INTO `board_participants` (board_id, user_id, since)
  SELECT s.board_id, new.author_id, new.created_at FROM `suggestions` s WHERE s.id = new.suggestion_id
  ON CONFLICT (board_id, user_id) DO UPDATE SET since = min(since, excluded.since);
END;
--> statement-breakpoint
CREATE TRIGGER `board_participants_rating` AFTER INSERT ON `ratings` BEGIN
  INSERT INTO `board_participants` (board_id, user_id, since)
  SELECT s.board_id, new.user_id, new.created_at FROM `suggestions` s WHERE s.id = new.suggestion_id
  ON CONFLICT (board_id, user_id) DO UPDATE SET since = min(since, excluded.since);
END;
--> statement-breakpoint
-- What the forum already holds.
INSERT INTO `board_participants` (board_id, user_id, since)
SELECT s.board_id, x.user_id, min(x.created_at) FROM (
  SELECT id AS suggestion_id, author_id AS user_id, created_at FROM `suggestions`
  UNION ALL SELECT suggestion_id, user_id, created_at FROM `votes`
  UNION ALL SELECT suggestion_id, author_id, created_at FROM `comments` WHERE is_official = 0
  UNION ALL SELECT suggestion_id, user_id, created_at FROM `ratings`
) x JOIN `suggestions` s ON s.id = x.suggestion_id
GROUP BY s.board_id, x.user_id;
