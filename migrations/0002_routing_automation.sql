CREATE TABLE `agent_assignment_stats` (
	`user_id` text PRIMARY KEY NOT NULL,
	`last_assigned_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `routing_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`when` text DEFAULT '{}' NOT NULL,
	`then` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `routing_rules_position_idx` ON `routing_rules` (`position`);--> statement-breakpoint
CREATE TABLE `auto_reply_settings` (
	`inbox_id` text PRIMARY KEY NOT NULL,
	`welcome_enabled` integer DEFAULT false NOT NULL,
	`welcome_en` text DEFAULT '' NOT NULL,
	`welcome_ar` text DEFAULT '' NOT NULL,
	`welcome_after_days` integer DEFAULT 0 NOT NULL,
	`out_of_hours_enabled` integer DEFAULT false NOT NULL,
	`out_of_hours_en` text DEFAULT '' NOT NULL,
	`out_of_hours_ar` text DEFAULT '' NOT NULL,
	`out_of_hours_every_hours` integer DEFAULT 12 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`inbox_id`) REFERENCES `inboxes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `keyword_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`inbox_id` text,
	`position` integer DEFAULT 0 NOT NULL,
	`name` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`keywords` text DEFAULT '[]' NOT NULL,
	`match_mode` text DEFAULT 'whole_word' NOT NULL,
	`replies` text DEFAULT '[]' NOT NULL,
	`buttons` text DEFAULT '[]' NOT NULL,
	`hand_over` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`inbox_id`) REFERENCES `inboxes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `keyword_rules_inbox_idx` ON `keyword_rules` (`inbox_id`,`position`);--> statement-breakpoint
CREATE TABLE `csat_surveys` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`inbox_id` text NOT NULL,
	`agent_id` text,
	`team_id` text,
	`message_id` text NOT NULL,
	`language` text NOT NULL,
	`sent_at` integer NOT NULL,
	`rating` integer,
	`answered_at` integer,
	`comment` text,
	`commented_at` integer,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `csat_surveys_conversation_unique` ON `csat_surveys` (`conversation_id`);--> statement-breakpoint
CREATE INDEX `csat_surveys_sent_idx` ON `csat_surveys` (`sent_at`);--> statement-breakpoint
CREATE INDEX `csat_surveys_agent_idx` ON `csat_surveys` (`agent_id`,`sent_at`);--> statement-breakpoint
CREATE TABLE `bot_sessions` (
	`conversation_id` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`menu_id` text,
	`awaiting` text,
	`unrecognised_in_row` integer DEFAULT 0 NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`transcript` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `menu_bot_menus` (
	`id` text PRIMARY KEY NOT NULL,
	`inbox_id` text NOT NULL,
	`name` text NOT NULL,
	`greeting_en` text DEFAULT '' NOT NULL,
	`greeting_ar` text DEFAULT '' NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`inbox_id`) REFERENCES `inboxes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `menu_bot_menus_inbox_idx` ON `menu_bot_menus` (`inbox_id`);--> statement-breakpoint
CREATE TABLE `menu_bots` (
	`inbox_id` text PRIMARY KEY NOT NULL,
	`enabled` integer DEFAULT false NOT NULL,
	`root_menu_id` text,
	`escalation_keywords` text DEFAULT '[]' NOT NULL,
	`frustration_words` text DEFAULT '[]' NOT NULL,
	`sensitive_topics` text DEFAULT '[]' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`inbox_id`) REFERENCES `inboxes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `calendars` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendars_name_unique` ON `calendars` (`name`);--> statement-breakpoint
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
--> statement-breakpoint
CREATE TABLE `report_conversations` (
	`conversation_id` text PRIMARY KEY NOT NULL,
	`inbox_id` text NOT NULL,
	`team_id` text,
	`agent_id` text,
	`first_agent_id` text,
	`transferred` integer DEFAULT 0 NOT NULL,
	`contact_id` text NOT NULL,
	`opened_at` integer NOT NULL,
	`opened_day` integer NOT NULL,
	`resolved_day` integer,
	`opened_how` integer NOT NULL,
	`resolved_at` integer,
	`resolution_ms` integer,
	`resolution_bms` integer,
	`first_responder_id` text,
	`first_response_ms` integer,
	`first_response_bms` integer,
	`messages_in` integer DEFAULT 0 NOT NULL,
	`messages_out` integer DEFAULT 0 NOT NULL,
	`human_replied` integer DEFAULT 0 NOT NULL,
	`human_assigned` integer DEFAULT 0 NOT NULL,
	`bot_involved` integer DEFAULT 0 NOT NULL,
	`handed_over` integer DEFAULT 0 NOT NULL,
	`repeat_contact` integer DEFAULT 0 NOT NULL,
	`computed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `report_conversations_opened_idx` ON `report_conversations` (`opened_at`);--> statement-breakpoint
CREATE INDEX `report_conversations_resolved_idx` ON `report_conversations` (`resolved_at`);--> statement-breakpoint
CREATE INDEX `report_conversations_responder_idx` ON `report_conversations` (`first_responder_id`,`first_response_ms`,`opened_at`);--> statement-breakpoint
CREATE INDEX `report_conversations_agent_resolved_idx` ON `report_conversations` (`agent_id`,`resolved_at`);--> statement-breakpoint
CREATE INDEX `report_conversations_agent_opened_idx` ON `report_conversations` (`agent_id`,`opened_at`,`opened_how`);--> statement-breakpoint
CREATE TABLE `report_daily_counts` (
	`day` integer NOT NULL,
	`inbox_id` text NOT NULL,
	`team_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`opened` integer DEFAULT 0 NOT NULL,
	`messages_in` integer DEFAULT 0 NOT NULL,
	`messages_out` integer DEFAULT 0 NOT NULL,
	`within5` integer DEFAULT 0 NOT NULL,
	`within15` integer DEFAULT 0 NOT NULL,
	`over15` integer DEFAULT 0 NOT NULL,
	`unanswered` integer DEFAULT 0 NOT NULL,
	`bot_involved` integer DEFAULT 0 NOT NULL,
	`handed_over` integer DEFAULT 0 NOT NULL,
	`repeat_contacts` integer DEFAULT 0 NOT NULL,
	`resolved` integer DEFAULT 0 NOT NULL,
	`contained` integer DEFAULT 0 NOT NULL,
	`first_assigned` integer DEFAULT 0 NOT NULL,
	`transferred` integer DEFAULT 0 NOT NULL,
	`first_responses` integer DEFAULT 0 NOT NULL,
	`responses` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `inbox_id`, `team_id`, `agent_id`)
);
--> statement-breakpoint
CREATE INDEX `report_daily_counts_agent_idx` ON `report_daily_counts` (`agent_id`,`day`);--> statement-breakpoint
CREATE TABLE `report_daily_durations` (
	`day` integer NOT NULL,
	`inbox_id` text NOT NULL,
	`team_id` text NOT NULL,
	`metric` text NOT NULL,
	`business` integer NOT NULL,
	`value` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`metric`, `business`, `day`, `inbox_id`, `team_id`, `value`)
);
--> statement-breakpoint
CREATE TABLE `report_daily_hours` (
	`day` integer NOT NULL,
	`hour` integer NOT NULL,
	`inbox_id` text NOT NULL,
	`team_id` text NOT NULL,
	`opened` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `hour`, `inbox_id`, `team_id`)
);
--> statement-breakpoint
CREATE TABLE `report_presence_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `report_presence_log_user_idx` ON `report_presence_log` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `report_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_id` text NOT NULL,
	`inbox_id` text NOT NULL,
	`team_id` text,
	`agent_id` text,
	`opened_at` integer NOT NULL,
	`ms` integer NOT NULL,
	`bms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `report_responses_opened_idx` ON `report_responses` (`opened_at`);--> statement-breakpoint
CREATE INDEX `report_responses_conversation_idx` ON `report_responses` (`conversation_id`);--> statement-breakpoint
CREATE INDEX `report_responses_agent_idx` ON `report_responses` (`agent_id`,`ms`,`opened_at`);--> statement-breakpoint
CREATE TABLE `conversation_sla` (
	`conversation_id` text PRIMARY KEY NOT NULL,
	`policy_id` text,
	`breached_at` integer,
	`escalation_step` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`policy_id`) REFERENCES `sla_policies`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `sla_clocks` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`policy_id` text,
	`target` text NOT NULL,
	`target_ms` integer NOT NULL,
	`started_at` integer NOT NULL,
	`running_since` integer,
	`used_ms` integer DEFAULT 0 NOT NULL,
	`warn_at` integer,
	`due_at` integer,
	`warned_at` integer,
	`breached_at` integer,
	`stopped_at` integer,
	`cancelled` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`policy_id`) REFERENCES `sla_policies`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `sla_clocks_conversation_idx` ON `sla_clocks` (`conversation_id`,`target`,`stopped_at`);--> statement-breakpoint
CREATE INDEX `sla_clocks_due_idx` ON `sla_clocks` (`stopped_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `sla_clocks_started_idx` ON `sla_clocks` (`started_at`);--> statement-breakpoint
CREATE TABLE `sla_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`first_response_minutes` integer,
	`next_response_minutes` integer,
	`resolution_minutes` integer,
	`clock` text DEFAULT 'business' NOT NULL,
	`calendar_id` text,
	`warning_percent` integer DEFAULT 80 NOT NULL,
	`escalation` text DEFAULT '[]' NOT NULL,
	`match` text DEFAULT '{}' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`calendar_id`) REFERENCES `calendars`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
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
ALTER TABLE `conversations` ADD `sla_due_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `sla_state` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `awaiting_answer_until` integer;--> statement-breakpoint
CREATE INDEX `conversations_unrouted_idx` ON `conversations` (`routed_at`,`status`);--> statement-breakpoint
CREATE INDEX `conversations_team_queue_idx` ON `conversations` (`team_id`,`queued_at`);--> statement-breakpoint
CREATE INDEX `conversations_sla_due_idx` ON `conversations` (`status`,(case when "sla_due_at" is null then 9000000000000000 else "sla_due_at" end),`id`);--> statement-breakpoint
ALTER TABLE `inboxes` ADD `calendar_id` text REFERENCES calendars(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `agent_presence` ADD `status_since` integer;--> statement-breakpoint
-- Conversations from before routing existed are routed already; the unassigned open ones of a team wait in its queue.
UPDATE `conversations` SET `routed_at` = `created_at`;--> statement-breakpoint
UPDATE `conversations` SET `queued_at` = `created_at` WHERE `status` = 'open' AND `assignee_id` IS NULL AND `team_id` IS NOT NULL;--> statement-breakpoint
UPDATE `conversations` SET `first_response_at` = (SELECT min(`sent_at`) FROM `messages` WHERE `messages`.`conversation_id` = `conversations`.`id` AND `direction` = 'out' AND `author_type` = 'agent');
