import { describe, expect, test } from 'bun:test';
import { linkify } from '../../src/conversations/linkify';

const links = (text: string) => linkify(text).filter((t) => t.type === 'link');

describe('linkify', () => {
  test('keeps text without links as one plain token', () => {
    expect(linkify('hello there')).toEqual([{ type: 'text', text: 'hello there' }]);
  });

  test('turns an https address into a link and keeps the surrounding text', () => {
    expect(linkify('see https://example.com/a?b=1 now')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { type: 'text', text: ' now' },
    ]);
  });

  test('leaves sentence punctuation and an unbalanced bracket outside the link', () => {
    expect(links('Visit http://example.com/x. Or (https://example.org/y)!')).toEqual([
      { type: 'link', text: 'http://example.com/x', href: 'http://example.com/x' },
      { type: 'link', text: 'https://example.org/y', href: 'https://example.org/y' },
    ]);
  });

  test('keeps balanced brackets that belong to the address', () => {
    expect(links('https://en.wikipedia.org/wiki/Foo_(bar)')[0]).toMatchObject({ href: 'https://en.wikipedia.org/wiki/Foo_(bar)' });
  });

  test('links www addresses over https, mail addresses and phone links', () => {
    expect(links('www.example.com sara@example.com mailto:a@b.co tel:+966 50-123-4567').map((l) => l.type === 'link' && l.href)).toEqual([
      'https://www.example.com',
      'mailto:sara@example.com',
      'mailto:a@b.co',
      'tel:+966501234567',
    ]);
  });

  for (const hostile of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'javascript://%0aalert(1)',
  ]) {
    test(`never turns ${hostile} into a link`, () => {
      expect(links(hostile)).toEqual([]);
      expect(linkify(hostile).map((t) => t.text).join('')).toBe(hostile);
    });
  }

  test('links only the real address inside a markdown link with a hostile target', () => {
    expect(links('[x](javascript:alert(1)) and [y](https://ok.example)')).toEqual([{ type: 'link', text: 'https://ok.example', href: 'https://ok.example' }]);
  });

  test('does not start a link in the middle of a word', () => {
    expect(links('javascript://x%0ahttps://evil.example')).toEqual([]);
  });

  test('keeps angle brackets and quotes out of links so markup stays text', () => {
    const tokens = linkify('<a href="https://x.example">hi</a>');
    expect(tokens.filter((t) => t.type === 'link').map((t) => t.text)).toEqual(['https://x.example']);
    expect(tokens.map((t) => t.text).join('')).toBe('<a href="https://x.example">hi</a>');
  });

  test('returns every character of the input exactly once', () => {
    const text = 'a https://x.example/b, c@d.example (www.e.example) tel:123 javascript:x';
    expect(linkify(text).map((t) => t.text).join('')).toBe(text);
  });
});
