CREATE TABLE `domain_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`conversation_id` text,
	`payload` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `domain_events_conversation_idx` ON `domain_events` (`conversation_id`);--> statement-breakpoint
CREATE TABLE `event_cursors` (
	`handler` text PRIMARY KEY NOT NULL,
	`last_event_id` integer NOT NULL,
	`updated_at` integer NOT NULL
);
