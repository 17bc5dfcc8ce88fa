import type { assigner as english } from '../en/assigner';

/** سطور المُسند الآلي في سجل المحادثة (إعادة محادثات الموظف الغائب أو غير المتصل إلى قائمة الانتظار). */
export const assigner: Record<keyof typeof english, string> = {
  'assigner.event.handedBack': 'أُعيدت إلى قائمة الانتظار: {agent} {status} منذ أكثر من {minutes} دقائق والعميل ينتظر الرد.',
  'assigner.status.away': 'بعيد',
  'assigner.status.offline': 'غير متصل',
};
