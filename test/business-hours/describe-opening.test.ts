import { describe, expect, test } from 'bun:test';
import { describeNextOpening } from '../../src/business-hours/describe-opening';
import { createTranslator } from '../../src/i18n/translate';
import { at, calendar, everyDay, riyadhOffice, week } from './fixtures';

const english = (cal: typeof riyadhOffice, now: string) => describeNextOpening(cal, at(now), 'en', createTranslator('en'));
const arabic = (cal: typeof riyadhOffice, now: string) => describeNextOpening(cal, at(now), 'ar', createTranslator('ar'));

// Riyadh office: Sunday to Thursday 09:00–17:00. 2025-06-06 is a Friday.
describe('the sentence naming the next opening', () => {
  test.each([
    ['a message at 23:00 on a Friday names Sunday', '2025-06-06T23:00:00+03:00', 'We open again Sunday at 09:00.', 'نفتح مجددًا يوم الأحد الساعة 09:00.'],
    ['early on a working day says today', '2025-06-05T07:00:00+03:00', 'We open again today at 09:00.', 'نفتح مجددًا اليوم الساعة 09:00.'],
    ['after hours before a working day says tomorrow', '2025-06-04T18:00:00+03:00', 'We open again tomorrow at 09:00.', 'نفتح مجددًا غدًا الساعة 09:00.'],
    ['Saturday says tomorrow for Sunday', '2025-06-07T12:00:00+03:00', 'We open again tomorrow at 09:00.', 'نفتح مجددًا غدًا الساعة 09:00.'],
    ['Thursday evening names Sunday', '2025-06-05T20:00:00+03:00', 'We open again Sunday at 09:00.', 'نفتح مجددًا يوم الأحد الساعة 09:00.'],
    ['during opening hours says open now', '2025-06-08T10:00:00+03:00', 'We are open now.', 'نحن متاحون الآن.'],
    ['today and tomorrow follow the calendar’s zone, not UTC', '2025-06-04T22:30:00Z', 'We open again today at 09:00.', 'نفتح مجددًا اليوم الساعة 09:00.'],
  ])('%s', (_name, now, inEnglish, inArabic) => {
    expect(english(riyadhOffice, now)).toBe(inEnglish);
    expect(arabic(riyadhOffice, now)).toBe(inArabic);
  });

  test('names the date when the next opening is more than a week away', () => {
    const cal = { ...riyadhOffice, holidays: [{ from: '2025-06-08', to: '2025-06-19', yearly: false, name: 'Eid' }] };
    expect(english(cal, '2025-06-06T23:00:00+03:00')).toBe('We open again on Sunday, June 22 at 09:00.');
    expect(arabic(cal, '2025-06-06T23:00:00+03:00')).toBe('نفتح مجددًا يوم الأحد، 22 يونيو الساعة 09:00.');
  });

  test('names the local time of a later interval the same day', () => {
    const cal = calendar('Asia/Riyadh', everyDay('09:00-12:00', '16:30-21:00'));
    expect(english(cal, '2025-06-05T13:00:00+03:00')).toBe('We open again today at 16:30.');
    const nights = calendar('Asia/Riyadh', everyDay('22:00-06:00'));
    expect(english(nights, '2025-06-05T07:00:00+03:00')).toBe('We open again today at 22:00.');
  });

  test('names the wall-clock time in a zone with daylight saving', () => {
    const cal = calendar('America/New_York', week({ monday: ['09:00-17:00'] }));
    expect(english(cal, '2025-11-01T12:00:00-04:00')).toBe('We open again Monday at 09:00.');
  });

  test('says there is no reopening date when the calendar never opens', () => {
    const cal = calendar('Asia/Riyadh', week({}));
    expect(english(cal, '2025-06-06T23:00:00+03:00')).toBe('We are closed for now and have not set a date to reopen yet.');
    expect(arabic(cal, '2025-06-06T23:00:00+03:00')).toBe('نحن مغلقون حاليًا ولم نحدد موعدًا لإعادة الفتح بعد.');
  });
});
