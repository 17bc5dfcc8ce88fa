import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { webContext } from '../accounts/web-context.plugin';
import { ADMIN_ONLY } from '../accounts/access-policy';
import { listAuditActions, listAuditEntries } from './audit.repository';
import { AuditPage } from '../../views/settings/audit.page';

const PAGE_SIZE = 50;
const AUDIT_ID = /^aud_[0-9a-z]{26}$/;

/** /settings/audit: read-only, so viewing it is not itself audited (an export would be). */
export function auditLogRoutes(deps: AppDeps) {
  return new Elysia().use(webContext(deps)).get(
    '/settings/audit',
    ({ page, query }) => {
      const actions = listAuditActions(deps.db);
      const action = query.action && actions.includes(query.action) ? query.action : '';
      const before = query.before && AUDIT_ID.test(query.before) ? query.before : undefined;
      // One row more than shown tells whether an older page exists.
      const rows = listAuditEntries(deps.db, { action: action || undefined, before, limit: PAGE_SIZE + 1 });
      const entries = rows.slice(0, PAGE_SIZE);
      const olderThan = rows.length > PAGE_SIZE ? entries.at(-1)?.id : undefined;
      return <AuditPage page={page} view={{ entries, actions, action, olderThan, paged: before !== undefined }} />;
    },
    { access: ADMIN_ONLY },
  );
}
