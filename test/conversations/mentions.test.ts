import { describe, expect, test } from 'bun:test';
import { mentionToken, parseMentions } from '../../src/conversations/mentions';

const users = [
  { id: 'usr_1', name: 'Sara Al-Harbi', email: 'sara@example.com' },
  { id: 'usr_2', name: 'محمد العتيبي', email: 'mohammed@example.com' },
  { id: 'usr_3', name: 'Sam', email: 'sam@example.com' },
  { id: 'usr_4', name: 'Samir', email: 'samir@example.com' },
];

describe('parseMentions', () => {
  test('turns autocomplete tokens into plain @Name and collects the ids', () => {
    const parsed = parseMentions('Please check @[Sara Al-Harbi](usr_1) and @[محمد العتيبي](usr_2)', users);
    expect(parsed.text).toBe('Please check @Sara Al-Harbi and @محمد العتيبي');
    expect(parsed.userIds).toEqual(['usr_1', 'usr_2']);
  });

  test('recognises a typed Arabic name with a space, followed by Arabic punctuation', () => {
    expect(parseMentions('راجع هذا يا @محمد العتيبي، شكراً', users).userIds).toEqual(['usr_2']);
  });

  test('recognises a typed name with spaces and a typed email, case-insensitively', () => {
    expect(parseMentions('@sara al-harbi and @SAMIR@example.com', users).userIds).toEqual(['usr_1', 'usr_4']);
  });

  test('prefers the longest name and respects word boundaries', () => {
    expect(parseMentions('ask @Samir today', users).userIds).toEqual(['usr_4']);
    expect(parseMentions('ask @Sam.', users).userIds).toEqual(['usr_3']);
    expect(parseMentions('ask @Samantha', users).userIds).toEqual([]);
  });

  test('ignores tokens of unknown users but keeps their label readable', () => {
    const parsed = parseMentions('hi @[Ghost](usr_9)', users);
    expect(parsed).toEqual({ text: 'hi @Ghost', userIds: [] });
  });

  test('does not treat an email address in the text as a mention', () => {
    expect(parseMentions('customer wrote from x@sam.example', users).userIds).toEqual([]);
  });

  test('lists each user once', () => {
    expect(parseMentions('@Sam @[Sam](usr_3) @sam@example.com', users).userIds).toEqual(['usr_3']);
  });

  test('builds tokens without characters that would break them', () => {
    expect(mentionToken({ id: 'usr_1', name: 'Sara (Sales) [KSA]' })).toBe('@[Sara Sales KSA](usr_1)');
  });
});
