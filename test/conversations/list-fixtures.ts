import { eq } from 'drizzle-orm';
import type { TestApp } from '../support/test-app';
import { conversations } from '../../src/conversations/conversations.tables';
import { labels } from '../../src/conversations/labels.tables';
import { teams } from '../../src/teams/teams.tables';

/** Builders for the list, search and actions tests. */
export const rowIds = (html: string): string[] => [...html.matchAll(/id="conversation-(cnv_[\w-]+)"/g)].map((m) => m[1]!);

export function setConversation(t: TestApp, id: string, values: Partial<typeof conversations.$inferInsert>) {
  t.deps.db.update(conversations).set(values).where(eq(conversations.id, id)).run();
}

export function seedLabel(t: TestApp, name: string, color = 'grey') {
  const id = t.deps.newId('lbl');
  const now = t.clock.now();
  t.deps.db.insert(labels).values({ id, name, color, createdAt: now, updatedAt: now }).run();
  return id;
}

export function seedTeam(t: TestApp, name: string) {
  const id = t.deps.newId('tem');
  const now = t.clock.now();
  t.deps.db.insert(teams).values({ id, name, createdAt: now, updatedAt: now }).run();
  return id;
}
