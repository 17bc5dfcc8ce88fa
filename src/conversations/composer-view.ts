import type { Db } from '../platform/db/client';
import type { ReplyWindowView } from './conversation-view';
import { replyWindowView } from './conversation-view';
import { findTimelineMessage } from './message-views.repository';
import { listInboxTemplates } from './template-views.repository';
import { fillTemplate, readTemplateText } from './template-text';
import { buildLockView, type LockView } from './lock-view';
import type { Role } from '../accounts/accounts.tables';

export interface TemplatePreviewView {
  header: string;
  body: string;
  footer: string;
}

export interface TemplatePickerView {
  choices: { id: string; name: string; language: string; category: string }[];
  /** The chosen template with its placeholders and what was typed for them so far. */
  selected: (TemplatePreviewView & { id: string; placeholders: string[]; variables: string[] }) | null;
}

export interface ComposerView {
  conversationId: string;
  window: ReplyWindowView;
  /** Text kept after a refused send, so nothing typed is lost. */
  text: string;
  replyTo: { id: string; text: string; kind: string } | null;
  /** Translated reason the last send was refused (window closed, too long…). */
  error: string | null;
  templates: TemplatePickerView;
  /** The reply lock as the viewer sees it (banner, disabled composer); null when no viewer was given. */
  lock: LockView | null;
}

export interface ComposerState {
  now: number;
  text?: string;
  replyToId?: string;
  error?: string | null;
  templateId?: string;
  variables?: string[];
  /** Who is looking, for the reply lock banner. */
  viewer?: { id: string; role: Role } | null;
}

/** The composer for a conversation: the text form while the 24-hour window is open, the template picker after. */
export function buildComposerView(db: Db, conversation: { id: string; inboxId: string; lastInboundAt: number | null }, state: ComposerState): ComposerView {
  const window = replyWindowView(conversation.lastInboundAt, state.now);
  const quoted = state.replyToId ? findTimelineMessage(db, conversation.id, state.replyToId) : undefined;
  return {
    conversationId: conversation.id,
    window,
    text: state.text ?? '',
    replyTo: quoted?.message.waMessageId ? { id: quoted.message.id, text: quoted.message.body, kind: quoted.message.kind } : null,
    error: state.error ?? null,
    templates: window.open ? { choices: [], selected: null } : buildTemplatePicker(db, conversation.inboxId, state.templateId, state.variables ?? []),
    lock: state.viewer ? buildLockView(db, conversation.id, state.viewer, state.now) : null,
  };
}

export function buildTemplatePicker(db: Db, inboxId: string, templateId: string | undefined, variables: string[]): TemplatePickerView {
  const templates = listInboxTemplates(db, inboxId);
  const chosen = templateId ? templates.find((t) => t.id === templateId) : undefined;
  return {
    choices: templates.map(({ id, name, language, category }) => ({ id, name, language, category })),
    selected: chosen ? { id: chosen.id, ...templatePreview(chosen.components, variables) } : null,
  };
}

/** The template's text with the variables typed so far (unfilled ones stay as {{n}}). */
export function templatePreview(components: string, variables: string[]): TemplatePreviewView & { placeholders: string[]; variables: string[] } {
  const text = readTemplateText(components);
  return {
    header: text.header,
    body: fillTemplate(text.body, variables),
    footer: text.footer,
    placeholders: text.placeholders,
    variables: text.placeholders.map((_, i) => variables[i] ?? ''),
  };
}
