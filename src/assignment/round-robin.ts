/**
 * Round robin over the team's members in id order (ids sort by creation time). The only state is who got the last
 * one, so it persists as a tiny JSON object, survives restarts, and stays correct when members come and go: a
 * removed agent's id still marks the place in the circle, and a new agent simply takes their place in it.
 */
export interface RotationState {
  lastAgentId: string | null;
}

export const INITIAL_ROTATION: RotationState = { lastAgentId: null };

/** Reads a persisted rotation; anything unrecognisable starts a fresh circle rather than failing an assignment. */
export function readRotation(value: unknown): RotationState {
  const parsed = typeof value === 'string' ? safeJson(value) : value;
  if (parsed && typeof parsed === 'object' && 'lastAgentId' in parsed) {
    const { lastAgentId } = parsed as { lastAgentId: unknown };
    if (typeof lastAgentId === 'string' || lastAgentId === null) return { lastAgentId };
  }
  return INITIAL_ROTATION;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The first candidate after the last one in the circle (ids ascending, wrapping round); candidates sorted by id. */
export function nextInRotation<T extends { id: string }>(candidatesById: readonly T[], rotation: RotationState): T | undefined {
  const last = rotation.lastAgentId;
  if (last === null) return candidatesById[0];
  return candidatesById.find((candidate) => candidate.id > last) ?? candidatesById[0];
}
