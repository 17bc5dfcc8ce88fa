CREATE TABLE `calendars` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendars_name_unique` ON `calendars` (`name`);--> statement-breakpoint
CREATE TABLE `agent_routing` (
	`user_id` text PRIMARY KEY NOT NULL,
	`capacity` integer,
	`skills` text DEFAULT '[]' NOT NULL,
	`shift_calendar_id` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`shift_calendar_id`) REFERENCES `calendars`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `team_policies` (
	`team_id` text PRIMARY KEY NOT NULL,
	`strategy` text DEFAULT 'round_robin' NOT NULL,
	`only_online` integer DEFAULT true NOT NULL,
	`default_capacity` integer DEFAULT 5 NOT NULL,
	`sticky_enabled` integer DEFAULT true NOT NULL,
	`sticky_days` integer DEFAULT 30 NOT NULL,
	`vip_to_owner` integer DEFAULT true NOT NULL,
	`calendar_id` text,
	`rotation_last_agent_id` text,
	`notices` text DEFAULT '{}' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`calendar_id`) REFERENCES `calendars`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `conversations` ADD `first_response_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `routed_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `queued_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `required_skill` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `excluded_agent_id` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `with_bot` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `conversations` ADD `menu_option` text;--> statement-breakpoint
CREATE INDEX `conversations_unrouted_idx` ON `conversations` (`routed_at`,`status`);--> statement-breakpoint
CREATE INDEX `conversations_team_queue_idx` ON `conversations` (`team_id`,`queued_at`);--> statement-breakpoint
ALTER TABLE `inboxes` ADD `calendar_id` text REFERENCES calendars(id) ON DELETE set null;--> statement-breakpoint
-- Conversations from before routing existed are routed already; the unassigned open ones of a team wait in its queue.
UPDATE `conversations` SET `routed_at` = `created_at`;--> statement-breakpoint
UPDATE `conversations` SET `queued_at` = `created_at` WHERE `status` = 'open' AND `assignee_id` IS NULL AND `team_id` IS NOT NULL;--> statement-breakpoint
UPDATE `conversations` SET `first_response_at` = (SELECT min(`sent_at`) FROM `messages` WHERE `messages`.`conversation_id` = `conversations`.`id` AND `direction` = 'out' AND `author_type` = 'agent');