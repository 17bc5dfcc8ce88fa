import { normalizeForMatching, normalizeTerm } from '../platform/text/arabic-normalize';

/** What routing may know about the contact; the caller maps its contact row onto this. */
export interface RoutingContact {
  /** Has had a conversation before. */
  returning: boolean;
  vip: boolean;
  /** A BCP 47 tag such as "ar" or "en-GB", when known. */
  language: string | null;
  tags: readonly string[];
  attributes: Readonly<Record<string, string | number | boolean | null>>;
}

export type AttributeOperator = 'equals' | 'not_equals' | 'contains' | 'is_set' | 'is_not_set';

export type ContactCondition =
  | { kind: 'customer'; is: 'new' | 'returning' }
  | { kind: 'vip'; is: boolean }
  /** "ar" matches ar, ar-SA, ar-EG…; "en-GB" matches only en-GB. */
  | { kind: 'language'; anyOf: readonly string[] }
  | { kind: 'tag'; anyOf: readonly string[] }
  | { kind: 'attribute'; key: string; op: AttributeOperator; value?: string };

/** Text comparisons (tags, attribute values) ignore case, diacritics and letter variants, like keywords do. */
export function matchesContactCondition(contact: RoutingContact, condition: ContactCondition): boolean {
  switch (condition.kind) {
    case 'customer':
      return contact.returning === (condition.is === 'returning');
    case 'vip':
      return contact.vip === condition.is;
    case 'language':
      return contact.language !== null && condition.anyOf.some((wanted) => isLanguage(contact.language!, wanted));
    case 'tag': {
      const tags = new Set(contact.tags.map(normalizeTerm));
      return condition.anyOf.some((tag) => tags.has(normalizeTerm(tag)));
    }
    case 'attribute':
      return matchesAttribute(contact.attributes[condition.key], condition.op, condition.value ?? '');
  }
}

function isLanguage(actual: string, wanted: string): boolean {
  const have = actual.trim().toLowerCase().replace(/_/g, '-');
  const want = wanted.trim().toLowerCase().replace(/_/g, '-');
  return want !== '' && (have === want || have.startsWith(`${want}-`));
}

function matchesAttribute(raw: string | number | boolean | null | undefined, op: AttributeOperator, value: string): boolean {
  const actual = raw === null || raw === undefined ? '' : normalizeForMatching(String(raw));
  const expected = normalizeTerm(value);
  switch (op) {
    case 'is_set':
      return actual !== '';
    case 'is_not_set':
      return actual === '';
    case 'equals':
      return actual !== '' && actual === expected;
    case 'not_equals':
      return actual !== expected;
    case 'contains':
      return actual !== '' && expected !== '' && actual.includes(expected);
  }
}
