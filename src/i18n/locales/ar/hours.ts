import type { hours as english } from '../en/hours';

/** ساعات العمل: رسائل التحقق من التقويم وجملة الرد خارج أوقات العمل التي تذكر موعد الفتح التالي. */
export const hours: Record<keyof typeof english, string> = {
  'hours.timeZone.invalid': 'اختر منطقة زمنية صحيحة، مثل Asia/Riyadh.',
  'hours.time.invalid': 'أدخل الوقت بالصيغة HH:MM، من 00:00 إلى 23:59.',
  'hours.endTime.invalid': 'أدخل الوقت بالصيغة HH:MM، من 00:00 إلى 24:00.',
  'hours.interval.overlaps': 'هذه الفترة تتداخل مع فترة أخرى. يمكن أن تتلاصق الفترات لكن لا يجوز أن تتداخل.',
  'hours.intervals.tooMany': 'لا يمكن أن يحتوي اليوم على أكثر من 12 فترة.',
  'hours.date.invalid': 'أدخل تاريخًا صحيحًا بالصيغة YYYY-MM-DD.',
  'hours.holiday.endBeforeStart': 'لا يمكن أن يسبق آخر يوم في العطلة أولَ يوم فيها.',
  'hours.holiday.yearlyTooLong': 'العطلة التي تتكرر كل سنة يجب أن تكون أقصر من سنة.',
  'hours.holiday.yearly.invalid': 'حدّد ما إذا كانت هذه العطلة تتكرر كل سنة.',
  'hours.holiday.nameTooLong': 'لا يمكن أن يزيد اسم العطلة على 100 حرف.',
  'hours.holidays.tooMany': 'لا يمكن أن يحتوي التقويم على أكثر من 500 عطلة.',

  'hours.opening.now': 'نحن متاحون الآن.',
  'hours.opening.today': 'نفتح مجددًا اليوم الساعة {time}.',
  'hours.opening.tomorrow': 'نفتح مجددًا غدًا الساعة {time}.',
  'hours.opening.weekday': 'نفتح مجددًا يوم {weekday} الساعة {time}.',
  'hours.opening.date': 'نفتح مجددًا يوم {date} الساعة {time}.',
  'hours.opening.unknown': 'نحن مغلقون حاليًا ولم نحدد موعدًا لإعادة الفتح بعد.',
};
