import type { inboxAccess as english } from '../en/inbox-access';

/** عضوية صناديق الوارد والوضع الخاص: صفحات المدير في /settings/inboxes. */
export const inboxAccess: Record<keyof typeof english, string> = {
  'settings.nav.inboxes': 'صناديق الوارد',
  'inboxAccess.title': 'صناديق الوارد',
  'inboxAccess.intro': 'اختر من يعمل في كل صندوق وارد. يرى الموظفون الصناديق التي هم أعضاء فيها فقط، والصندوق الذي لا أعضاء فيه مفتوح لجميع الموظفين.',
  'inboxAccess.col.name': 'صندوق الوارد',
  'inboxAccess.col.members': 'الأعضاء',
  'inboxAccess.col.privacy': 'الظهور',
  'inboxAccess.empty': 'لا توجد صناديق وارد بعد. اربط رقم واتساب لإنشاء صندوق.',
  'inboxAccess.manage': 'إدارة',
  'inboxAccess.back': 'كل صناديق الوارد',
  'inboxAccess.openToAll': 'مفتوح لجميع الموظفين',
  'inboxAccess.private': 'خاص',
  'inboxAccess.shared': 'مشترك',
  'inboxAccess.saved': 'حُفظت إعدادات صندوق الوارد.',
  'inboxAccess.settings.title': 'الظهور',
  'inboxAccess.settings.privateMode': 'الوضع الخاص: لا يرى الموظفون إلا المحادثات المسندة إليهم',
  'inboxAccess.settings.showsQueue': 'في الوضع الخاص، يرى الموظفون أيضًا المحادثات غير المسندة (قائمة الانتظار)',
  'inboxAccess.members.title': 'الأعضاء',
  'inboxAccess.members.empty': 'لا أعضاء بعد، لذا يستطيع كل الموظفين العمل في هذا الصندوق.',
  'inboxAccess.members.add': 'إضافة عضو',
  'inboxAccess.members.remove': 'إزالة',
  'inboxAccess.members.allIn': 'كل الموظفين والمشرفين النشطين أعضاء بالفعل.',
  'inboxAccess.members.note': 'يرى المديرون والمشرفون كل صناديق الوارد؛ أما العضوية فتحدد ما يراه الموظفون.',
  'inboxAccess.error.notFound': 'صندوق الوارد هذا غير موجود.',
  'field.inboxMember.invalid': 'اختر موظفًا أو مشرفًا نشطًا.',
};
