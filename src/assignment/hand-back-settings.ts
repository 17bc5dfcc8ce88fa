import { z } from 'zod';
import type { Db } from '../platform/db/client';
import { storedSettings } from '../settings/stored-settings';

const KEY = 'assignment_hand_back';

const handBackSchema = z.object({
  /** How long an agent may be away or offline before their waiting customers go back to the queue; 0 turns it off. */
  graceMinutes: z.number().int().min(0).max(240),
});
export type HandBackSettings = z.infer<typeof handBackSchema>;

export const DEFAULT_HAND_BACK: HandBackSettings = { graceMinutes: 5 };

const stored = storedSettings(KEY, handBackSchema, DEFAULT_HAND_BACK);

/** The stored setting, or the default (5 minutes) when none or unreadable. */
export const getHandBackSettings = (db: Db): HandBackSettings => stored.get(db);
