-- Full-text search over suggestions and their comments. The trigram tokenizer matches any
-- 3+ character substring, which is what makes Chinese (written without spaces) searchable.
-- One row per suggestion (rowid = suggestion id), kept current by triggers.
CREATE VIRTUAL TABLE `suggestion_search` USING fts5(title, body, comments, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER `suggestion_search_insert` AFTER INSERT ON `suggestions` BEGIN
  INSERT INTO `suggestion_search` (rowid, title, body, comments) VALUES (new.id, new.title, new.body, '');
END;
--> statement-breakpoint
CREATE TRIGGER `suggestion_search_update` AFTER UPDATE OF title, body ON `suggestions` BEGIN
  UPDATE `suggestion_search` SET title = new.title, body = new.body WHERE rowid = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `suggestion_search_delete` AFTER DELETE ON `suggestions` BEGIN
  DELETE FROM `suggestion_search` WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `suggestion_search_comment_insert` AFTER INSERT ON `comments` BEGIN
  UPDATE `suggestion_search` SET comments = comments || char(10) || new.body WHERE rowid = new.suggestion_id;
END;
--> statement-breakpoint
CREATE TRIGGER `suggestion_search_comment_delete` AFTER DELETE ON `comments` BEGIN
  UPDATE `suggestion_search`
  SET comments = coalesce((SELECT group_concat(body, char(10)) FROM `comments` WHERE suggestion_id = old.suggestion_id), '')
  WHERE rowid = old.suggestion_id;
END;
