/**
 * Mentions in internal notes. The composer's autocomplete inserts `@[Name](usr_id)` tokens, which survive any
 * name (spaces, Arabic, brackets aside); typed `@email` and `@Full Name` are recognised too, longest name first.
 * Pure: the caller passes the users who may be mentioned.
 */
export interface MentionCandidate {
  id: string;
  name: string;
  email: string;
}

export interface ParsedNote {
  /** The note as stored and shown: tokens become plain `@Name`. */
  text: string;
  /** Mentioned user ids, each once, in order of first mention. */
  userIds: string[];
}

const TOKEN = /@\[([^\]\n]{1,100})\]\(([A-Za-z0-9_-]{1,64})\)/g;
// What may follow a typed name: end, whitespace or punctuation (so "@Sam" does not match inside "@Samir").
const BOUNDARY = /^$|^[\s.,;:!?؟،؛)\]}'"«»]/u;

export function parseMentions(input: string, candidates: readonly MentionCandidate[]): ParsedNote {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const found: string[] = [];
  const add = (id: string) => {
    if (!found.includes(id)) found.push(id);
  };
  const text = input.replace(TOKEN, (whole, label: string, id: string) => {
    const user = byId.get(id);
    if (!user) return `@${label}`;
    add(user.id);
    return `@${user.name}`;
  });
  const names = candidates
    .flatMap((c) => [
      { key: c.email.toLocaleLowerCase(), id: c.id },
      { key: c.name.trim().toLocaleLowerCase(), id: c.id },
    ])
    .filter((n) => n.key)
    .sort((a, b) => b.key.length - a.key.length);
  const lower = text.toLocaleLowerCase();
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && /[\p{L}\p{N}_.]/u.test(lower[at - 1]!)) continue; // part of an email address in the text
    const rest = lower.slice(at + 1);
    const match = names.find((n) => rest.startsWith(n.key) && BOUNDARY.test(rest.slice(n.key.length)));
    if (match) add(match.id);
  }
  return { text, userIds: found };
}

/** The token the autocomplete inserts for a user; brackets in a name would break it, so they are dropped. */
export const mentionToken = (user: { id: string; name: string }) => `@[${user.name.replace(/[[\]()\n]/g, '').trim()}](${user.id})`;
