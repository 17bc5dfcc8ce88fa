import { OUTBOUND_LIMITS as L, type OutboundContent } from './outbound-content';
import { createInvalidOutboundError } from './conversations.errors';

/** Throws a 422 AppError naming the first of Meta's limits the content breaks; returns the content trimmed. */
export function validateOutboundContent(content: OutboundContent): OutboundContent {
  switch (content.kind) {
    case 'text': {
      const text = content.text.trim();
      required(text, 'whatsapp.outbound.textRequired');
      max(text, L.textBody, 'whatsapp.outbound.textTooLong');
      return { kind: 'text', text };
    }
    case 'media': {
      if (!content.mediaId) throw createInvalidOutboundError('whatsapp.outbound.mediaRequired');
      const caption = content.caption?.trim() || undefined;
      if (caption) max(caption, L.caption, 'whatsapp.outbound.captionTooLong');
      return { kind: 'media', mediaId: content.mediaId, ...(caption ? { caption } : {}) };
    }
    case 'buttons': {
      required(content.body.trim(), 'whatsapp.outbound.bodyRequired');
      max(content.body, L.buttonsBody, 'whatsapp.outbound.bodyTooLong');
      if (content.buttons.length < L.buttonsMin || content.buttons.length > L.buttonsMax) {
        throw createInvalidOutboundError('whatsapp.outbound.buttonCount', { min: L.buttonsMin, max: L.buttonsMax });
      }
      for (const button of content.buttons) {
        required(button.id, 'whatsapp.outbound.buttonIdRequired');
        max(button.id, L.buttonId, 'whatsapp.outbound.buttonIdTooLong');
        required(button.title.trim(), 'whatsapp.outbound.buttonTitleRequired');
        max(button.title, L.buttonTitle, 'whatsapp.outbound.buttonTitleTooLong');
      }
      unique(content.buttons.map((b) => b.id), 'whatsapp.outbound.buttonIdsDuplicate');
      unique(content.buttons.map((b) => b.title), 'whatsapp.outbound.buttonTitlesDuplicate');
      if (content.header) max(content.header, L.header, 'whatsapp.outbound.headerTooLong');
      if (content.footer) max(content.footer, L.footer, 'whatsapp.outbound.footerTooLong');
      return content;
    }
    case 'list': {
      required(content.body.trim(), 'whatsapp.outbound.bodyRequired');
      max(content.body, L.listBody, 'whatsapp.outbound.bodyTooLong');
      required(content.button.trim(), 'whatsapp.outbound.listButtonRequired');
      max(content.button, L.listButton, 'whatsapp.outbound.listButtonTooLong');
      const rows = content.sections.flatMap((s) => s.rows);
      if (content.sections.length < 1 || content.sections.length > L.listSections) {
        throw createInvalidOutboundError('whatsapp.outbound.listSectionCount', { max: L.listSections });
      }
      if (rows.length < 1 || rows.length > L.listRowsTotal) throw createInvalidOutboundError('whatsapp.outbound.listRowCount', { max: L.listRowsTotal });
      // Meta requires a title on every section once there is more than one.
      for (const section of content.sections) {
        if (content.sections.length > 1) required(section.title.trim(), 'whatsapp.outbound.sectionTitleRequired');
        max(section.title, L.sectionTitle, 'whatsapp.outbound.sectionTitleTooLong');
        if (section.rows.length < 1) throw createInvalidOutboundError('whatsapp.outbound.listRowCount', { max: L.listRowsTotal });
      }
      for (const row of rows) {
        required(row.id, 'whatsapp.outbound.rowIdRequired');
        max(row.id, L.rowId, 'whatsapp.outbound.rowIdTooLong');
        required(row.title.trim(), 'whatsapp.outbound.rowTitleRequired');
        max(row.title, L.rowTitle, 'whatsapp.outbound.rowTitleTooLong');
        if (row.description) max(row.description, L.rowDescription, 'whatsapp.outbound.rowDescriptionTooLong');
      }
      unique(rows.map((r) => r.id), 'whatsapp.outbound.rowIdsDuplicate');
      return content;
    }
    case 'template': {
      required(content.name.trim(), 'whatsapp.outbound.templateRequired');
      max(content.name, L.templateName, 'whatsapp.outbound.templateRequired');
      required(content.language.trim(), 'whatsapp.outbound.templateLanguageRequired');
      for (const variable of content.variables) {
        required(variable.trim(), 'whatsapp.outbound.templateVariableRequired');
        max(variable, L.templateVariable, 'whatsapp.outbound.templateVariableTooLong');
      }
      return content;
    }
    case 'reaction': {
      if (!content.targetMessageId) throw createInvalidOutboundError('whatsapp.outbound.reactionTargetRequired');
      // One emoji (possibly a ZWJ sequence); an empty emoji removes our reaction.
      if ([...new Intl.Segmenter().segment(content.emoji)].length > 1) throw createInvalidOutboundError('whatsapp.outbound.reactionOneEmoji');
      return content;
    }
  }
}

function required(value: string, key: string) {
  if (!value) throw createInvalidOutboundError(key);
}

// Meta counts characters, not UTF-16 units; counting code points keeps Arabic and emoji fair.
function max(value: string, limit: number, key: string) {
  if ([...value].length > limit) throw createInvalidOutboundError(key, { max: limit });
}

function unique(values: string[], key: string) {
  if (new Set(values).size !== values.length) throw createInvalidOutboundError(key);
}
