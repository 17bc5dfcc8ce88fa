/**
 * The fake's checks on a `POST /{phone-number-id}/messages` body, mirroring Meta's documented limits so that a
 * payload our builders produce and the fake accepts is one Meta accepts too. Returns the first problem, or null.
 */
export interface SendProblem {
  code: number;
  details: string;
}

export interface SendContext {
  mediaExists(id: string): boolean;
  /** Template lookup: undefined when the fake has no templates configured (anything goes). */
  template?(name: string, language: string): { status: string; bodyVariables: number } | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const chars = (v: unknown) => (typeof v === 'string' ? [...v].length : 0);
const missing = (param: string): SendProblem => ({ code: 131008, details: `The parameter ${param} is required.` });
const invalid = (details: string): SendProblem => ({ code: 100, details });

const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'];
const TYPES = [...MEDIA_TYPES, 'text', 'interactive', 'template', 'reaction', 'location', 'contacts'];

export function validateSendBody(body: unknown, ctx: SendContext): SendProblem | null {
  if (!isObj(body)) return invalid('The request body must be a JSON object.');
  if (body.messaging_product !== 'whatsapp') return body.messaging_product === undefined ? missing('messaging_product') : invalid('Param messaging_product must be whatsapp.');
  if (body.to === undefined || body.to === '') return missing('to');
  if (typeof body.to !== 'string' && typeof body.to !== 'number') return invalid('Param to must be a string.');
  if (body.recipient_type !== undefined && body.recipient_type !== 'individual' && body.recipient_type !== 'group') return invalid('Param recipient_type must be individual or group.');
  if (body.biz_opaque_callback_data !== undefined && (typeof body.biz_opaque_callback_data !== 'string' || chars(body.biz_opaque_callback_data) > 512)) {
    return invalid('Param biz_opaque_callback_data must be a string of at most 512 characters.');
  }
  if (body.context !== undefined && (!isObj(body.context) || typeof body.context.message_id !== 'string' || !body.context.message_id)) return invalid("Param context['message_id'] must be a message id.");
  const type = body.type === undefined ? 'text' : body.type;
  if (typeof type !== 'string' || !TYPES.includes(type)) return invalid(`Param type must be one of ${TYPES.join(', ')}.`);
  const object = body[type];
  // Contacts are the one type whose object is an array of cards.
  if (type === 'contacts') return Array.isArray(object) && object.length > 0 ? null : missing('contacts');
  if (!isObj(object)) return missing(type);
  if (type === 'text') return validateText(object);
  if (MEDIA_TYPES.includes(type)) return validateMedia(type, object, ctx);
  if (type === 'interactive') return validateInteractive(object);
  if (type === 'template') return validateTemplate(object, ctx);
  if (type === 'reaction') {
    if (typeof object.message_id !== 'string' || !object.message_id) return missing("reaction['message_id']");
    if (typeof object.emoji !== 'string') return missing("reaction['emoji']");
  }
  return null;
}

function validateText(text: Obj): SendProblem | null {
  if (typeof text.body !== 'string' || text.body.length === 0) return missing("text['body']");
  if (chars(text.body) > 4096) return invalid("Param text['body'] must be at most 4096 characters long.");
  if (text.preview_url !== undefined && typeof text.preview_url !== 'boolean') return invalid("Param text['preview_url'] must be a boolean.");
  return null;
}

function validateMedia(type: string, media: Obj, ctx: SendContext): SendProblem | null {
  const hasId = typeof media.id === 'string' && media.id !== '';
  const hasLink = typeof media.link === 'string' && media.link !== '';
  if (hasId === hasLink) return invalid(`Param ${type} must have exactly one of id or link.`);
  if (hasId && !ctx.mediaExists(media.id as string)) return invalid(`Param ${type}['id'] is not a valid media id.`);
  if (hasLink && !/^https?:\/\//.test(media.link as string)) return invalid(`Param ${type}['link'] must be an http(s) URL.`);
  if (media.caption !== undefined) {
    if (type === 'audio' || type === 'sticker') return invalid(`Param ${type}['caption'] is not allowed for ${type} messages.`);
    if (chars(media.caption) > 1024) return invalid(`Param ${type}['caption'] must be at most 1024 characters long.`);
  }
  if (media.filename !== undefined && type !== 'document') return invalid(`Param ${type}['filename'] is only allowed for documents.`);
  return null;
}

function validateInteractive(i: Obj): SendProblem | null {
  if (i.type !== 'button' && i.type !== 'list') return null; // product, flow, catalog…: not checked by the fake
  if (!isObj(i.body) || typeof i.body.text !== 'string' || !i.body.text) return missing("interactive['body']['text']");
  if (chars(i.body.text) > (i.type === 'button' ? 1024 : 4096)) return invalid("Param interactive['body']['text'] is too long.");
  if (i.footer !== undefined && (!isObj(i.footer) || chars(i.footer.text) > 60)) return invalid("Param interactive['footer']['text'] must be at most 60 characters long.");
  if (i.header !== undefined) {
    if (!isObj(i.header)) return invalid("Param interactive['header'] must be an object.");
    if (i.type === 'list' && i.header.type !== 'text') return invalid('List messages only accept a text header.');
    if (i.header.type === 'text' && (typeof i.header.text !== 'string' || chars(i.header.text) > 60)) return invalid("Param interactive['header']['text'] must be at most 60 characters long.");
  }
  if (!isObj(i.action)) return missing("interactive['action']");
  return i.type === 'button' ? validateButtons(i.action) : validateList(i.action);
}

function validateButtons(action: Obj): SendProblem | null {
  const buttons = action.buttons;
  if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) return invalid("Param interactive['action']['buttons'] must have between 1 and 3 elements.");
  const ids = new Set<string>();
  const titles = new Set<string>();
  for (const b of buttons) {
    if (!isObj(b) || b.type !== 'reply' || !isObj(b.reply)) return invalid("Each button must be {type:'reply', reply:{id,title}}.");
    const { id, title } = b.reply;
    if (typeof id !== 'string' || !id || chars(id) > 256) return invalid('Button ids must be 1 to 256 characters long.');
    if (typeof title !== 'string' || !title || chars(title) > 20) return invalid('Button titles must be 1 to 20 characters long.');
    if (ids.has(id) || titles.has(title)) return invalid('Button ids and titles must be unique.');
    ids.add(id);
    titles.add(title);
  }
  return null;
}

function validateList(action: Obj): SendProblem | null {
  if (typeof action.button !== 'string' || !action.button || chars(action.button) > 20) return invalid("Param interactive['action']['button'] must be 1 to 20 characters long.");
  const sections = action.sections;
  if (!Array.isArray(sections) || sections.length < 1 || sections.length > 10) return invalid("Param interactive['action']['sections'] must have between 1 and 10 elements.");
  const ids = new Set<string>();
  let total = 0;
  for (const s of sections) {
    if (!isObj(s) || !Array.isArray(s.rows) || s.rows.length < 1) return invalid('Every section needs at least one row.');
    if (sections.length > 1 && (typeof s.title !== 'string' || !s.title)) return invalid('Section titles are required when there is more than one section.');
    if (s.title !== undefined && chars(s.title) > 24) return invalid('Section titles must be at most 24 characters long.');
    for (const r of s.rows) {
      total++;
      if (!isObj(r) || typeof r.id !== 'string' || !r.id || chars(r.id) > 200) return invalid('Row ids must be 1 to 200 characters long.');
      if (typeof r.title !== 'string' || !r.title || chars(r.title) > 24) return invalid('Row titles must be 1 to 24 characters long.');
      if (r.description !== undefined && chars(r.description) > 72) return invalid('Row descriptions must be at most 72 characters long.');
      if (ids.has(r.id)) return invalid('Row ids must be unique.');
      ids.add(r.id);
    }
  }
  if (total > 10) return invalid('A list can have at most 10 rows in total.');
  return null;
}

function validateTemplate(t: Obj, ctx: SendContext): SendProblem | null {
  if (typeof t.name !== 'string' || !t.name) return missing("template['name']");
  if (!isObj(t.language) || typeof t.language.code !== 'string' || !t.language.code) return missing("template['language']['code']");
  if (t.components !== undefined && !Array.isArray(t.components)) return invalid("Param template['components'] must be an array.");
  if (!ctx.template) return null;
  const known = ctx.template(t.name, t.language.code);
  if (!known) return { code: 132001, details: `template name (${t.name}) does not exist in ${t.language.code}` };
  if (known.status === 'PAUSED') return { code: 132015, details: 'Template is paused.' };
  if (known.status === 'DISABLED') return { code: 132016, details: 'Template is disabled.' };
  if (known.status !== 'APPROVED') return { code: 132001, details: `template name (${t.name}) is not approved` };
  const body = ((t.components ?? []) as Obj[]).find((c) => isObj(c) && c.type === 'body');
  const given = Array.isArray(body?.parameters) ? body.parameters.length : 0;
  if (given !== known.bodyVariables) return { code: 132000, details: `body: number of localizable_params (${given}) does not match the expected number of params (${known.bodyVariables})` };
  return null;
}
