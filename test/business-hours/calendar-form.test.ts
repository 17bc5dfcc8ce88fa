import { describe, expect, test } from 'bun:test';
import { applyFormIntent, isOvernight, newCalendarForm, readCalendarForm, withoutBlankRows } from '../../src/business-hours/calendars/calendar-form';

describe('the calendar form', () => {
  test('reads rows in index order, keeping gaps left by removed rows out', () => {
    const values = readCalendarForm({ name: ' Shop ', timeZone: 'UTC', monday_5_start: '13:00', monday_5_end: '15:00', monday_0_start: '09:00', monday_0_end: '12:00' });
    expect(values.name).toBe('Shop');
    expect(values.weekly.monday).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '15:00' }]);
    expect(values.weekly.tuesday).toEqual([]);
  });

  test('reads a holiday’s yearly box as ticked only when sent as 1', () => {
    const values = readCalendarForm({ holiday_0_from: '2026-01-01', holiday_0_to: '', holiday_0_name: '', holiday_0_yearly: '1', holiday_1_from: '2026-02-01', holiday_1_to: '', holiday_1_name: '' });
    expect(values.holidays.map((h) => h.yearly)).toEqual([true, false]);
  });

  test('drops rows left blank but keeps half-filled ones for the schema to refuse', () => {
    const values = readCalendarForm({ monday_0_start: '', monday_0_end: '', monday_1_start: '09:00', monday_1_end: '' });
    expect(withoutBlankRows(values).weekly.monday).toEqual([{ start: '09:00', end: '' }]);
  });

  test('adds no more than 12 intervals to a day', () => {
    let values = newCalendarForm('UTC');
    for (let i = 0; i < 20; i++) values = applyFormIntent(values, 'add:monday');
    expect(values.weekly.monday).toHaveLength(12);
  });

  test('changes nothing for an unknown intent or day', () => {
    const values = newCalendarForm('UTC');
    expect(applyFormIntent(values, 'add:someday')).toEqual(values);
    expect(applyFormIntent(values, 'preset:weekends')).toEqual(values);
    expect(applyFormIntent(values, 'explode')).toEqual(values);
  });

  test.each([
    ['22:00', '06:00', true],
    ['09:00', '09:00', true],
    ['09:00', '17:00', false],
    ['00:00', '24:00', false],
    ['9am', '06:00', false],
  ])('%s–%s runs overnight: %p', (start, end, expected) => {
    expect(isOvernight({ start, end })).toBe(expected);
  });
});
