/** Business hours: calendar validation messages and the out-of-hours sentence naming the next opening. */
export const hours = {
  'hours.timeZone.invalid': 'Choose a valid time zone, such as Asia/Riyadh.',
  'hours.time.invalid': 'Enter a time as HH:MM, from 00:00 to 23:59.',
  'hours.endTime.invalid': 'Enter a time as HH:MM, from 00:00 to 24:00.',
  'hours.interval.overlaps': 'This interval overlaps another one. Intervals may touch but not overlap.',
  'hours.intervals.tooMany': 'A day can have at most 12 intervals.',
  'hours.date.invalid': 'Enter a real date as YYYY-MM-DD.',
  'hours.holiday.endBeforeStart': 'The last day of a holiday cannot come before its first day.',
  'hours.holiday.yearlyTooLong': 'A holiday that repeats every year must be shorter than a year.',
  'hours.holiday.yearly.invalid': 'Say whether this holiday repeats every year.',
  'hours.holiday.nameTooLong': 'Holiday names can be at most 100 characters.',
  'hours.holidays.tooMany': 'A calendar can have at most 500 holidays.',

  'hours.opening.now': 'We are open now.',
  'hours.opening.today': 'We open again today at {time}.',
  'hours.opening.tomorrow': 'We open again tomorrow at {time}.',
  'hours.opening.weekday': 'We open again {weekday} at {time}.',
  'hours.opening.date': 'We open again on {date} at {time}.',
  'hours.opening.unknown': 'We are closed for now and have not set a date to reopen yet.',
};
