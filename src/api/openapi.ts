/**
 * The REST API described by hand as OpenAPI 3.1, served at /api/openapi.json and listed at /api/docs. Kept next to
 * the routes so a change to one shows up in review beside the other.
 */
type Schema = Record<string, unknown>;

interface Operation {
  summary: string;
  operationId: string;
  parameters?: Schema[];
  requestBody?: Schema;
  responses: Record<string, Schema>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Partial<Record<'get' | 'post' | 'put', Operation>>>;
  components: { securitySchemes: Record<string, Schema>; schemas: Record<string, Schema>; responses: Record<string, Schema> };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
const page = (item: string) => ({ type: 'object', required: ['data', 'next_cursor'], properties: { data: { type: 'array', items: ref(item) }, next_cursor: { type: ['string', 'null'] } } });
const one = (item: string) => ({ type: 'object', required: ['data'], properties: { data: ref(item) } });
const query = (name: string, schema: Schema, description: string) => ({ name, in: 'query', required: false, schema, description });
const idParam = (description: string) => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description });
const nullable = (type: string) => ({ type: [type, 'null'] });
const error = (name: string) => ({ $ref: `#/components/responses/${name}` });
const paging = [
  query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 25 }, 'Items per page.'),
  query('cursor', { type: 'string' }, 'The next_cursor of the previous page.'),
];

export function buildOpenApiDocument(version: string): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rasil REST API',
      version,
      description: 'Conversations, messages and contacts of this Rasil inbox. Authenticate with `Authorization: Bearer <token>` (create one with `rasil token create`).',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    paths: {
      '/agents/{id}/availability': {
        put: {
          summary: 'Set an agent online, away or offline (as from the top bar), and/or their capacity. Online still needs an open inbox tab.',
          operationId: 'setAgentAvailability',
          parameters: [idParam('User id of an admin, supervisor or agent.')],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  description: 'At least one of status and capacity.',
                  properties: {
                    status: { enum: ['online', 'away', 'offline'] },
                    capacity: { type: ['integer', 'null'], minimum: 0, maximum: 100, description: 'Max concurrent open conversations; null = the team’s default.' },
                  },
                },
              },
            },
          },
          responses: {
            '200': json(
              { type: 'object', required: ['data'], properties: { data: { type: 'object', properties: { id: { type: 'string' }, status: { enum: ['online', 'away', 'offline'] }, chosen_status: { enum: ['online', 'away', 'offline'] }, capacity: { type: ['integer', 'null'] } } } } },
              'The agent’s effective and chosen status, and their own capacity (null = the team’s default).',
            ),
            '401': error('Unauthorized'),
            '404': error('NotFound'),
            '422': error('Invalid'),
          },
        },
      },
      '/conversations': {
        get: {
          summary: 'List conversations, newest activity first.',
          operationId: 'listConversations',
          parameters: [
            query('status', { enum: ['open', 'pending', 'snoozed', 'resolved'] }, 'Only conversations with this status.'),
            query('inbox_id', { type: 'string' }, 'Only this inbox.'),
            query('assignee_id', { type: 'string' }, 'Only conversations assigned to this user.'),
            query('team_id', { type: 'string' }, 'Only conversations of this team.'),
            ...paging,
          ],
          responses: { '200': json(page('Conversation'), 'A page of conversations.'), '401': error('Unauthorized'), '422': error('Invalid') },
        },
      },
      '/conversations/{id}': {
        get: {
          summary: 'Read one conversation.',
          operationId: 'getConversation',
          parameters: [idParam('Conversation id.')],
          responses: { '200': json(one('Conversation'), 'The conversation.'), '401': error('Unauthorized'), '404': error('NotFound') },
        },
      },
      '/conversations/{id}/messages': {
        get: {
          summary: 'List a conversation’s messages, newest first.',
          operationId: 'listMessages',
          parameters: [idParam('Conversation id.'), ...paging],
          responses: { '200': json(page('Message'), 'A page of messages.'), '401': error('Unauthorized'), '404': error('NotFound'), '422': error('Invalid') },
        },
        post: {
          summary: 'Send a text (inside the 24-hour window) or an approved template.',
          operationId: 'sendMessage',
          parameters: [idParam('Conversation id.')],
          requestBody: { required: true, content: { 'application/json': { schema: ref('NewMessage') } } },
          responses: {
            '201': json(one('Message'), 'Queued for delivery; watch `status`.'),
            '401': error('Unauthorized'),
            '404': error('NotFound'),
            '409': error('WindowClosed'),
            '422': error('Invalid'),
          },
        },
      },
      '/contacts': {
        get: {
          summary: 'List or search contacts, newest first.',
          operationId: 'listContacts',
          parameters: [query('q', { type: 'string', maxLength: 100 }, 'Part of a name, phone number or username.'), ...paging],
          responses: { '200': json(page('Contact'), 'A page of contacts.'), '401': error('Unauthorized'), '422': error('Invalid') },
        },
      },
      '/contacts/{id}': {
        get: {
          summary: 'Read one contact.',
          operationId: 'getContact',
          parameters: [idParam('Contact id.')],
          responses: { '200': json(one('Contact'), 'The contact.'), '401': error('Unauthorized'), '404': error('NotFound') },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token from `rasil token create`.' } },
      schemas: SCHEMAS,
      responses: {
        Unauthorized: json(ref('Error'), 'No valid API token was sent.'),
        NotFound: json(ref('Error'), 'No such conversation, contact or endpoint.'),
        WindowClosed: json(ref('Error'), 'More than 24 hours since the customer wrote: only a template can be sent (code conversations.reply_window_closed).'),
        Invalid: json(ref('Error'), 'The query or body is not valid; `details` names the fields.'),
      },
    },
  };
}

const SCHEMAS: Record<string, Schema> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'array' } } } },
  },
  Conversation: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      status: { enum: ['open', 'pending', 'snoozed', 'resolved'] },
      priority: { type: 'string' },
      inbox_id: { type: 'string' },
      inbox_name: { type: 'string' },
      contact: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, profile_name: { type: 'string' }, phone: { type: 'string' }, wa_id: nullable('string'), user_id: nullable('string'), username: { type: 'string' } } },
      assignee_id: nullable('string'),
      team_id: nullable('string'),
      unread_count: { type: 'integer' },
      last_message_preview: { type: 'string' },
      last_message_at: { type: 'string', format: 'date-time' },
      last_inbound_at: { type: ['string', 'null'], format: 'date-time' },
      reply_window: { type: 'object', properties: { open: { type: 'boolean' }, closes_at: { type: ['string', 'null'], format: 'date-time' } } },
      created_at: { type: 'string', format: 'date-time' },
      updated_at: { type: 'string', format: 'date-time' },
    },
  },
  Message: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      conversation_id: { type: 'string' },
      direction: { enum: ['in', 'out'] },
      type: { type: 'string', description: 'text, image, video, audio, voice, document, sticker, location, contacts, interactive, button, order, template, unsupported, note, event…' },
      author_type: { enum: ['contact', 'agent', 'automation', 'business_app', 'system'] },
      author_id: nullable('string'),
      text: nullable('string'),
      caption: nullable('string'),
      media: { type: ['object', 'null'], properties: { id: { type: 'string' }, url: { type: 'string' }, mime_type: { type: 'string' }, file_name: { type: 'string' }, size: nullable('integer'), status: { type: 'string' } } },
      content: { type: 'object', description: 'The kind’s structured data (location, contact cards, order items…).' },
      wa_message_id: nullable('string'),
      reply_to_wa_message_id: nullable('string'),
      status: { enum: ['received', 'queued', 'sending', 'unknown', 'sent', 'delivered', 'read', 'played', 'failed'] },
      failure: { type: ['object', 'null'], properties: { code: nullable('integer'), title: nullable('string'), detail: nullable('string') } },
      edited_at: { type: ['string', 'null'], format: 'date-time' },
      deleted_at: { type: ['string', 'null'], format: 'date-time' },
      sent_at: { type: 'string', format: 'date-time' },
      created_at: { type: 'string', format: 'date-time' },
    },
  },
  NewMessage: {
    type: 'object',
    description: 'Exactly one of `text` or `template`.',
    properties: {
      text: { type: 'string', maxLength: 4096 },
      template: {
        type: 'object',
        required: ['name', 'language'],
        properties: { name: { type: 'string' }, language: { type: 'string', examples: ['en', 'ar'] }, variables: { type: 'array', items: { type: 'string' } } },
      },
      reply_to_message_id: { type: 'string', description: 'Our id of the message to quote.' },
    },
  },
  Contact: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      profile_name: { type: 'string' },
      phone: { type: 'string' },
      wa_id: nullable('string'),
      user_id: nullable('string'),
      username: { type: 'string' },
      created_at: { type: 'string', format: 'date-time' },
      updated_at: { type: 'string', format: 'date-time' },
    },
  },
};
