import type { live as english } from '../en/live';

/** التحديثات الحية والتواجد والإشعارات. */
export const live: Record<keyof typeof english, string> = {
  'live.presence.label': 'حالتك',
  'live.presence.online': 'متصل',
  'live.presence.away': 'بعيد',
  'live.presence.offline': 'غير متصل',
  'live.presence.auto': 'تلقائي',
  'live.presence.autoHint': 'متصل ما دامت صفحة صندوق الوارد مفتوحة ومستخدمة، وبعيد بعد ٥ دقائق دون نشاط.',
  'live.presence.chosen': 'الحالة المختارة: {status}',
  'live.unread.badge': '{count} محادثات غير مقروءة',
  'live.notify.title': 'رسالة واتساب جديدة',
  'live.notify.heading': 'الإشعارات',
  'live.notify.desktop': 'إشعار على سطح المكتب للرسائل الجديدة في محادثاتي',
  'live.notify.desktopHint': 'يظهر اسم جهة الاتصال فقط دون نص الرسالة، فلا يظهر شيء خاص على شاشة مشتركة.',
  'live.notify.sound': 'تشغيل صوت للرسائل الجديدة في محادثاتي',
  'live.notify.blocked': 'متصفحك يمنع الإشعارات لهذا الموقع؛ اسمح بها من إعدادات الموقع في المتصفح.',
  'field.presence.invalid': 'اختر متصل أو بعيد أو غير متصل أو تلقائي.',
};
