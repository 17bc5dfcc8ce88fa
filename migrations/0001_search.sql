-- Hand-written (drizzle-kit cannot express FTS5): full-text search over conversations. One document per message
-- and one per contact, so a new message costs one small insert instead of rewriting a whole conversation's text.
-- The index is contentless (terms are normalised by TypeScript, see search-terms.ts); `search_documents` maps its
-- stable INTEGER rowids to what they describe, so VACUUM cannot renumber them.
CREATE TABLE `search_documents` (
	`id` integer PRIMARY KEY,
	`conversation_id` text,
	`message_id` text,
	`contact_id` text,
	`terms` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_documents_message_unique` ON `search_documents` (`message_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `search_documents_contact_unique` ON `search_documents` (`contact_id`) WHERE `message_id` IS NULL;--> statement-breakpoint
CREATE INDEX `search_documents_conversation_idx` ON `search_documents` (`conversation_id`);--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3');
