import type { MessageKey, Translate } from './translate';

/**
 * A message to show later in whatever language the viewer reads: a key plus variables, where a variable may itself
 * be a message (translated too) or a list of messages (joined with the locale's separator). Plain JSON, so the
 * timeline stores it as is and renders it per viewer; names are kept as they were when the decision was made.
 */
export interface TimelineText {
  key: MessageKey;
  vars: Record<string, string | number | TimelineText | TimelineText[]>;
}

/** Renders a stored TimelineText in the viewer's language. The result is plain text: escape it when putting it in HTML. */
export function renderTimelineText(text: TimelineText, t: Translate): string {
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.vars)) {
    if (Array.isArray(value)) vars[name] = value.map((item) => renderTimelineText(item, t)).join(t('common.list.separator'));
    else vars[name] = typeof value === 'object' ? renderTimelineText(value, t) : value;
  }
  return t(text.key, vars);
}
