import type { Db } from '../platform/db/client';
import type { OutboundContent } from './outbound-content';
import { createInvalidOutboundError } from './conversations.errors';
import { findApprovedTemplate } from './template-views.repository';
import { readTemplateText } from './template-text';

/**
 * Turns a chosen template (by our id from the picker, or by name and language from the API) into outbound content,
 * refusing with a 422 when it is not an approved template of this inbox's number or the variable count is wrong:
 * Meta would reject either one later, after the agent had moved on.
 */
export function resolveTemplateContent(
  db: Db,
  inboxId: string,
  by: { id: string } | { name: string; language: string },
  variables: string[],
): Extract<OutboundContent, { kind: 'template' }> {
  const template = findApprovedTemplate(db, inboxId, by);
  if (!template) throw createInvalidOutboundError('inbox.template.unknown');
  const count = readTemplateText(template.components).placeholders.length;
  if (variables.length !== count) throw createInvalidOutboundError('inbox.template.variableCount', { count });
  return { kind: 'template', name: template.name, language: template.language, variables };
}
