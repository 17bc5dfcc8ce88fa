import type { AuditActor } from '../audit/record-audit';
import type { Viewer } from './sessions';

/** The audit-log actor for a change made by the signed-in viewer of a web request. */
export const viewerActor = (viewer: Viewer, ip: string, request: Request): AuditActor => ({
  id: viewer.user.id,
  label: viewer.user.email,
  ip,
  userAgent: request.headers.get('user-agent') ?? '',
});
