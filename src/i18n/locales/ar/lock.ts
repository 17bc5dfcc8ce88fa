import type { lock as en } from '../en/lock';

/** قفل الرد (وكيل واحد يرد في كل مرة)، وإرجاع المحادثات المهملة إلى الطابور، وصفحة إعداداتهما. */
export const lock: Record<keyof typeof en, string> = {
  'lock.banner.heldBy': 'مقفلة لدى {name}، متبقٍ {time}',
  'lock.takeOver': 'تولَّ الرد',
  'lock.error.held': '{name} يرد على هذه المحادثة الآن. انتظر حتى ينتهي، أو اطلب من مشرف أن يتولى الرد.',
  'lock.error.takeOverForbidden': 'تولي الرد متاح للمشرفين والمديرين فقط.',
  'lock.event.takenOver': 'تولى {actor} الرد بدلًا من {from}',
  'lock.event.idleReleased': 'أُعيدت إلى الطابور: لم يرد {agent} خلال {minutes} دقائق',
  'lock.settings.nav': 'سلوك صندوق الوارد',
  'lock.settings.title': 'سلوك صندوق الوارد',
  'lock.settings.intro': 'امنع وكيلين من الرد على العميل نفسه، ولا تدع عميلًا ينتظر فيُنسى.',
  'lock.settings.lockMinutes': 'قفل الرد (بالدقائق)',
  'lock.settings.lockMinutes.hint': 'ما دامت المحادثة مفتوحة لدى وكيل، لا يستطيع غيره الإرسال فيها. الكتابة أو الإرسال يجددان القفل. من 5 إلى 15 دقيقة.',
  'lock.settings.lockMinutes.range': 'أدخل عددًا صحيحًا من الدقائق بين 5 و15.',
  'lock.settings.idleMinutes': 'الإرجاع إلى الطابور بعد (بالدقائق)',
  'lock.settings.idleMinutes.hint': 'إذا كان العميل ينتظر ولم يفعل الوكيل المسند إليه شيئًا طوال هذه المدة، تعود المحادثة إلى الطابور. القيمة 0 توقف ذلك.',
  'lock.settings.idleMinutes.range': 'أدخل عددًا صحيحًا من الدقائق بين 0 و120.',
};
