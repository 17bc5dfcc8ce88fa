import { Elysia } from 'elysia';
import { desc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../../deps';
import { webContext } from '../../../accounts/web-context.plugin';
import { ADMIN_ONLY } from '../../../accounts/access-policy';
import { isAppError } from '../../../platform/errors';
import { formText, toFieldErrors } from '../../../platform/http/form-errors';
import { isPartialRequest } from '../../../platform/http/htmx';
import { contacts } from '../../../contacts/contacts.tables';
import { conversations } from '../../../conversations/conversations.tables';
import type { PageContext } from '../../../../views/layout/page-context';
import { SandboxPage } from '../../../../views/sandbox/sandbox.page';
import { PhoneBody, Thread, type PhoneView } from '../../../../views/sandbox/sandbox-phone';
import type { WhatsappChannel } from '../channels/whatsapp-channels.repository';
import { customerSchema, REACTION_EMOJI } from './sandbox.schemas';
import { sandboxFor } from './sandbox-runtime';
import { readSandboxThread } from './sandbox-thread';
import { createSandboxMissingError, sendAsCustomer } from './send-as-customer';
import { handleSandboxGraph, SANDBOX_GRAPH_PREFIX } from './sandbox-graph-mount';

const DEFAULT_CUSTOMER = { name: 'Sara', phone: '966500000001' };
/** Only these are shown inline; anything else the fake holds is offered as a download. */
const INLINE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/**
 * /sandbox: the admin's customer phone for the built-in Sandbox number, and /sandbox/graph/…: the fake Graph that
 * number's sends go to. The phone posts signed webhooks to Rasil's real webhook route, in-process.
 */
export function sandboxRoutes(deps: AppDeps) {
  const runtime = sandboxFor(deps);

  const requireChannel = (): WhatsappChannel => {
    const channel = runtime.channel();
    if (!channel) throw createSandboxMissingError();
    return channel;
  };

  /** A customer from the query or form; an unusable one falls back to the default, with the reasons. */
  const customerFrom = (source: unknown) => {
    const given = { name: formText(source, 'name'), phone: formText(source, 'phone') };
    if (!given.name && !given.phone) return { customer: DEFAULT_CUSTOMER };
    const parsed = customerSchema.safeParse(given);
    return parsed.success ? { customer: parsed.data } : { customer: DEFAULT_CUSTOMER, errors: toFieldErrors(parsed.error), given };
  };

  const recentCustomers = (channel: WhatsappChannel) =>
    deps.db
      .select({ name: contacts.profileName, phone: contacts.waId })
      .from(conversations)
      .innerJoin(contacts, eq(conversations.contactId, contacts.id))
      .where(eq(conversations.inboxId, channel.inboxId))
      .orderBy(desc(conversations.lastMessageAt))
      .limit(8)
      .all()
      .filter((c): c is { name: string; phone: string } => Boolean(c.phone));

  const phoneView = (channel: WhatsappChannel, customer: PhoneView['customer'], extra: Partial<PhoneView> = {}): PhoneView => ({
    customer,
    thread: readSandboxThread(deps.db, runtime, channel, customer.phone),
    reactions: REACTION_EMOJI,
    ...extra,
  });

  const fullPage = (page: PageContext, channel: WhatsappChannel, customer: PhoneView['customer'], extra: Partial<PhoneView> & { customerErrors?: Record<string, string> } = {}) => (
    <SandboxPage page={page} view={{ ...phoneView(channel, customer, extra), recent: recentCustomers(channel), numberLabel: channel.displayPhoneNumber, customerErrors: extra.customerErrors }} />
  );

  return new Elysia()
    .use(webContext(deps))
    .get(
      '/sandbox',
      ({ page, query, set }) => {
        const channel = requireChannel();
        const { customer, errors, given } = customerFrom(query);
        if (errors) set.status = 422;
        return fullPage(page, channel, given ?? customer, { customerErrors: errors, ...(errors ? { thread: [] } : {}) });
      },
      { access: ADMIN_ONLY },
    )
    .get(
      '/sandbox/thread',
      ({ page, query }) => {
        const { customer } = customerFrom(query);
        return <Thread page={page} view={phoneView(requireChannel(), customer)} />;
      },
      { access: ADMIN_ONLY },
    )
    .post(
      '/sandbox/send',
      async ({ page, body, request, set, redirect }) => {
        const channel = requireChannel();
        const { customer, errors } = customerFrom(body);
        const action = { action: formText(body, 'action'), text: formText(body, 'text'), emoji: formText(body, 'emoji'), replyTo: formText(body, 'replyTo'), optionId: formText(body, 'optionId') };
        let error: PhoneView['error'] = errors ? { key: Object.values(errors)[0]! } : undefined;
        if (!error) {
          try {
            await sendAsCustomer({ customer, action }, runtime, deps);
          } catch (failure) {
            const fields = toFieldErrors(failure);
            if (fields) error = { key: Object.values(fields)[0]! };
            else if (isAppError(failure)) error = { key: failure.messageKey, vars: failure.vars };
            else throw failure;
          }
        }
        const partial = isPartialRequest(request.headers);
        if (!error) {
          if (partial) return <PhoneBody page={page} view={phoneView(channel, customer)} />;
          return redirect(`/sandbox?${new URLSearchParams(customer)}`, 303);
        }
        set.status = 422;
        const extra = { error, text: action.action === 'text' || action.action === 'image' ? action.text : '' };
        return partial ? <PhoneBody page={page} view={phoneView(channel, customer, extra)} /> : fullPage(page, channel, customer, extra);
      },
      { access: ADMIN_ONLY },
    )
    .get(
      '/sandbox/media/:id',
      ({ params, set }) => {
        const file = runtime.fake.media(params.id);
        if (!file) {
          set.status = 404;
          return 'Not found';
        }
        const inline = INLINE_IMAGES.has(file.mimeType);
        return new Response(file.bytes, {
          headers: {
            'content-type': inline ? file.mimeType : 'application/octet-stream',
            'content-disposition': inline ? 'inline' : 'attachment; filename="sandbox-file"',
            'x-content-type-options': 'nosniff',
            'content-security-policy': "sandbox; default-src 'none'",
            'cache-control': 'private, max-age=3600',
          },
        });
      },
      { access: ADMIN_ONLY },
    )
    .all(`${SANDBOX_GRAPH_PREFIX}/*`, ({ request }) => handleSandboxGraph(runtime, request), { access: 'public', parse: 'none' });
}
