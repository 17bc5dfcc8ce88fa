import type { PageContext } from '../layout/page-context';
import type { SlaBadgeView } from '../../src/conversations/sla-badge-view';
import { formatDuration } from './format-duration';

const COLOUR = { ok: 'ok', warning: 'waiting', breached: 'off' } as const;

/** Green, amber or red countdown to the next SLA deadline, plus the 24-hour window when it gets in the way. */
export function SlaBadge({ page, sla }: { page: PageContext; sla: SlaBadgeView }) {
  return (
    <>
      <span class={`badge sla ${COLOUR[sla.state]}`} title={page.t('sla.badge.title')} safe>
        {sla.state === 'breached' ? page.t('sla.badge.overdue') : page.t('sla.badge.left', { time: formatDuration(page, sla.remainingMs) })}
      </span>
      {sla.window === 'needs_template' ? (
        <span class="badge window-closed" title={page.t('sla.badge.needsTemplateTitle')} safe>
          {page.t('sla.badge.needsTemplate')}
        </span>
      ) : sla.window === 'closes_first' ? (
        <span class="badge waiting" title={page.t('sla.badge.windowRisk')} safe>
          {page.t('sla.badge.windowRiskShort')}
        </span>
      ) : (
        ''
      )}
    </>
  );
}
