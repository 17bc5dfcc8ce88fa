import type { admin as en } from '../en/admin';

export const admin = {
  'settings.title': 'الإعدادات',
  'settings.nav.profile': 'ملفي الشخصي',
  'settings.nav.business': 'النشاط التجاري',
  'settings.nav.users': 'المستخدمون',
  'settings.nav.teams': 'الفرق',
  'settings.nav.apiTokens': 'رموز الواجهة البرمجية',
  'settings.nav.backups': 'النسخ الاحتياطية',
  'settings.nav.audit': 'سجل التدقيق',
  'profile.title': 'ملفي الشخصي',
  'profile.details': 'الاسم واللغة',
  'profile.password': 'تغيير كلمة المرور',
  'profile.currentPassword': 'كلمة المرور الحالية',
  'profile.newPassword': 'كلمة المرور الجديدة',
  'profile.passwordChanged': 'تم تغيير كلمة المرور. تم تسجيل خروج جلساتك الأخرى.',
  'profile.currentPassword.wrong': 'هذه ليست كلمة مرورك الحالية.',
  'business.title': 'النشاط التجاري',
  'business.intro': 'اسم نشاطك التجاري ومنطقته الزمنية واللغة التي يبدأ بها أعضاء الفريق الجدد.',
} satisfies Record<keyof typeof en, string>;
