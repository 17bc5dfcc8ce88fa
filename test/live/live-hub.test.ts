import { describe, expect, test } from 'bun:test';
import { createLiveHub, type LiveEvent } from '../../src/live/live-events';
import { sseFrame } from '../../src/live/sse-frame';

const changed = (conversationId: string): LiveEvent => ({ type: 'conversation.changed', conversationId, inboxId: 'inb_1' });

describe('live hub', () => {
  test('delivers a published event to every subscriber whose filter accepts it', () => {
    const hub = createLiveHub();
    const a: LiveEvent[] = [];
    const b: LiveEvent[] = [];
    hub.subscribe(() => true, (e) => a.push(e));
    hub.subscribe((e) => e.type === 'presence.changed', (e) => b.push(e));
    hub.publish(changed('cnv_1'));
    expect(a).toEqual([changed('cnv_1')]);
    expect(b).toEqual([]);
  });

  test('stops delivering after unsubscribe', () => {
    const hub = createLiveHub();
    const seen: LiveEvent[] = [];
    const unsubscribe = hub.subscribe(() => true, (e) => seen.push(e));
    unsubscribe();
    hub.publish(changed('cnv_1'));
    expect(seen).toEqual([]);
    expect(hub.size()).toBe(0);
  });

  test('reports a throwing listener and still reaches the others', () => {
    const errors: unknown[] = [];
    const hub = createLiveHub((error) => errors.push(error));
    const seen: LiveEvent[] = [];
    hub.subscribe(() => true, () => {
      throw new Error('stream closed');
    });
    hub.subscribe(() => true, (e) => seen.push(e));
    expect(() => hub.publish(changed('cnv_2'))).not.toThrow();
    expect(seen).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });

  test('a listener that unsubscribes while an event is delivered does not skip the next listener', () => {
    const hub = createLiveHub();
    const seen: string[] = [];
    const first = hub.subscribe(() => true, () => {
      seen.push('first');
      first();
    });
    hub.subscribe(() => true, () => seen.push('second'));
    hub.publish(changed('cnv_3'));
    expect(seen).toEqual(['first', 'second']);
  });
});

describe('SSE frames', () => {
  test('prefixes every line of multi-line data so a newline cannot end the frame early', () => {
    expect(sseFrame('a\nb\r\nc', 'live')).toBe('event: live\ndata: a\ndata: b\ndata: c\n\n');
  });

  test('leaves out the event line for an unnamed message', () => {
    expect(sseFrame('{}')).toBe('data: {}\n\n');
  });
});
