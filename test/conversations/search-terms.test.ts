import { describe, expect, test } from 'bun:test';
import { contactTerms, messageTerms, parseSearchQuery } from '../../src/conversations/search/search-terms';
import { searchSnippet } from '../../src/conversations/search/search-snippet';

describe('search terms', () => {
  test('index Arabic words normalised and with their article-less stem', () => {
    expect(messageTerms('أُريد الإسْتـرجاع').split(' ')).toEqual(['اريد', 'الاسترجاع', 'استرجاع']);
  });

  test('index every phone digit suffix of three or more', () => {
    expect(contactTerms({ name: '', profileName: 'Sara', username: '', phone: '+96650', waId: null }).split(' ')).toEqual(['sara', '96650', '6650', '650']);
  });

  test('turn typed words into quoted prefix terms, article stripped, and drop FTS syntax', () => {
    expect(parseSearchQuery('الاسترجاع Refund')).toEqual({ match: '"استرجاع"* "refund"*', words: ['استرجاع', 'refund'] });
    expect(parseSearchQuery('a" OR NEAR(b)').match).toBe('"a"* "or"* "near"* "b"*');
    expect(parseSearchQuery('%_ *').match).toBeNull();
  });

  test('read a phone number typed with spaces, + or a trunk zero as one run of digits', () => {
    expect(parseSearchQuery('+966 50 123').match).toBe('"96650123"*');
    expect(parseSearchQuery('0501234567').match).toBe('"501234567"*');
  });

  test('snippets point at the first matching word of the original text', () => {
    expect(searchSnippet('طلب إسْترجاع المبلغ', ['استرجاع'])).toEqual({ before: 'طلب ', match: 'إسْترجاع', after: ' المبلغ' });
  });
});
