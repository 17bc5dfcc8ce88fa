import { describe, expect, test } from 'bun:test';
import { fillTemplate, placeholdersOf, readTemplateText } from '../../src/conversations/template-text';
import { decodeCursor, encodeCursor } from '../../src/conversations/keyset-cursor';

describe('template text', () => {
  test('reads header, body and footer from Meta’s components, whatever the case of the type', () => {
    const text = readTemplateText(JSON.stringify([{ type: 'HEADER', format: 'TEXT', text: 'Order' }, { type: 'body', text: 'Hi {{1}}' }, { type: 'FOOTER', text: 'Thanks' }]));
    expect(text).toEqual({ header: 'Order', body: 'Hi {{1}}', footer: 'Thanks', placeholders: ['1'] });
  });

  test('ignores a media header and unreadable JSON', () => {
    expect(readTemplateText(JSON.stringify([{ type: 'HEADER', format: 'IMAGE' }])).header).toBe('');
    expect(readTemplateText('not json').body).toBe('');
  });

  test('fills positional placeholders by number, not by where they appear', () => {
    expect(placeholdersOf('Order {{2}} for {{1}}')).toEqual(['1', '2']);
    expect(fillTemplate('Order {{2}} for {{1}}', ['Sara', 'A-17'])).toBe('Order A-17 for Sara');
  });

  test('fills named placeholders in order of appearance and leaves missing ones visible', () => {
    expect(fillTemplate('Hi {{name}}, order {{ order_id }}', ['Sara'])).toBe('Hi Sara, order {{ order_id }}');
  });
});

describe('keyset cursor', () => {
  test('round-trips a position', () => {
    expect(decodeCursor(encodeCursor({ at: 1764000000000, id: 'cnv_01abc' }))).toEqual({ at: 1764000000000, id: 'cnv_01abc' });
  });

  test('rejects anything it did not make', () => {
    for (const value of ['', 'abc', Buffer.from("1:x' OR 1=1").toString('base64url'), Buffer.from('-1:x').toString('base64url'), 42, undefined]) {
      expect(decodeCursor(value)).toBeUndefined();
    }
  });
});
