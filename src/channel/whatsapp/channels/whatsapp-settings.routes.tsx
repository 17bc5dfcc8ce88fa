import { Elysia } from 'elysia';
import type { AppDeps } from '../../../deps';
import { webContext } from '../../../accounts/web-context.plugin';
import { ADMIN_ONLY } from '../../../accounts/access-policy';
import { viewerActor } from '../../../accounts/request-actor';
import { isAppError } from '../../../platform/errors';
import { formText, toFieldErrors, type FieldErrors } from '../../../platform/http/form-errors';
import { isPartialRequest } from '../../../platform/http/htmx';
import type { PageContext } from '../../../../views/layout/page-context';
import { WhatsappNumbersPage } from '../../../../views/settings/whatsapp.page';
import { WhatsappChannelPage, type ChannelFormValues, type ChannelPageView } from '../../../../views/settings/whatsapp-channel.page';
import { CheckResult } from '../../../../views/settings/whatsapp-check-result';
import { createWhatsappChannel } from './create-whatsapp-channel';
import { updateWhatsappChannel } from './update-whatsapp-channel';
import { resumeWhatsappChannel } from './resume-whatsapp-channel';
import { checkChannelToken } from './check-channel-token';
import { findChannelById, listChannels, type WhatsappChannel } from './whatsapp-channels.repository';
import { createChannelNotFoundError } from './channels.errors';
import { webhookUrlFor } from './webhook-url';
import type { TokenCheck } from './token-check';

const PAGE = '/settings/whatsapp';
const NOTICES = { created: 'whatsapp.notice.created', saved: 'whatsapp.notice.saved', resumed: 'whatsapp.notice.resumed' } as const;

/** /settings/whatsapp: admins connect numbers, edit them, check their token and resume paused ones. */
export function whatsappSettingsRoutes(deps: AppDeps) {
  const formFrom = (body: unknown): ChannelFormValues & { accessToken: string; appSecret: string } => ({
    name: formText(body, 'name'),
    phoneNumberId: formText(body, 'phoneNumberId'),
    wabaId: formText(body, 'wabaId'),
    verifyToken: formText(body, 'verifyToken'),
    accessToken: formText(body, 'accessToken'),
    appSecret: formText(body, 'appSecret'),
  });

  /** Refusals that belong beside a field; anything else is not the form's business. */
  const fieldErrorsOf = (error: unknown): FieldErrors | undefined => {
    if (isAppError(error) && error.code === 'whatsapp.phone_number_taken') return { phoneNumberId: error.messageKey };
    return toFieldErrors(error);
  };

  const requireChannel = (id: string): WhatsappChannel => {
    const channel = findChannelById(deps.db, id);
    if (!channel) throw createChannelNotFoundError();
    return channel;
  };

  const editPage = (page: PageContext, request: Request, channel: WhatsappChannel, extra: Partial<ChannelPageView> & { check?: TokenCheck } = {}) => (
    <WhatsappChannelPage
      page={page}
      view={{
        form: extra.form ?? { name: channel.name, phoneNumberId: channel.phoneNumberId, wabaId: channel.wabaId, verifyToken: channel.verifyToken },
        errors: extra.errors,
        notice: extra.notice,
        saved: {
          id: channel.id,
          webhookUrl: webhookUrlFor(deps.config.publicUrl, request.url),
          verifyToken: channel.verifyToken,
          paused: channel.pausedAt !== null,
          pausedReason: channel.pausedReason,
          check: extra.check,
        },
      }}
    />
  );

  const noticeFrom = (page: PageContext, query: Record<string, string | undefined>) => {
    const key = Object.keys(NOTICES).find((name) => query[name] === '1') as keyof typeof NOTICES | undefined;
    return key ? page.t(NOTICES[key]) : undefined;
  };

  return new Elysia()
    .use(webContext(deps))
    .get(
      PAGE,
      ({ page, query }) => {
        const channels = listChannels(deps.db).map((c) => ({
          id: c.id,
          name: c.name,
          displayPhoneNumber: c.displayPhoneNumber,
          phoneNumberId: c.phoneNumberId,
          isSandbox: c.isSandbox,
          paused: c.pausedAt !== null,
          pausedReason: c.pausedReason,
        }));
        return <WhatsappNumbersPage page={page} channels={channels} notice={noticeFrom(page, query)} />;
      },
      { access: ADMIN_ONLY },
    )
    .get(`${PAGE}/new`, ({ page }) => <WhatsappChannelPage page={page} view={{ form: { name: '', phoneNumberId: '', wabaId: '', verifyToken: '' } }} />, {
      access: ADMIN_ONLY,
    })
    .post(
      PAGE,
      ({ page, body, set, viewer, clientIp, request, redirect }) => {
        const form = formFrom(body);
        try {
          const { channelId } = createWhatsappChannel(form, viewerActor(viewer!, clientIp, request), deps);
          return redirect(`${PAGE}/${channelId}?created=1`, 303);
        } catch (error) {
          const errors = fieldErrorsOf(error);
          if (!errors) throw error;
          set.status = 422;
          const { accessToken: _token, appSecret: _secret, ...shown } = form;
          return <WhatsappChannelPage page={page} view={{ form: shown, errors }} />;
        }
      },
      { access: ADMIN_ONLY },
    )
    .get(
      `${PAGE}/:id`,
      ({ page, params, query, request, redirect }) => {
        const channel = requireChannel(params.id);
        if (channel.isSandbox) return redirect('/sandbox', 303);
        return editPage(page, request, channel, { notice: noticeFrom(page, query) });
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id`,
      ({ page, params, body, set, viewer, clientIp, request, redirect }) => {
        const channel = requireChannel(params.id);
        const form = formFrom(body);
        try {
          updateWhatsappChannel(channel.id, form, viewerActor(viewer!, clientIp, request), deps);
          return redirect(`${PAGE}/${channel.id}?saved=1`, 303);
        } catch (error) {
          const errors = fieldErrorsOf(error);
          if (!errors) throw error;
          set.status = 422;
          const { accessToken: _token, appSecret: _secret, ...shown } = form;
          return editPage(page, request, channel, { form: shown, errors });
        }
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id/check`,
      async ({ page, params, request }) => {
        const channel = requireChannel(params.id);
        const check = await checkChannelToken(channel.id, deps);
        if (isPartialRequest(request.headers)) return <CheckResult page={page} result={check} />;
        // Without htmx the check re-renders the page it came from.
        if (channel.isSandbox) return <CheckResult page={page} result={check} />;
        return editPage(page, request, requireChannel(channel.id), { check });
      },
      { access: ADMIN_ONLY },
    )
    .post(
      `${PAGE}/:id/resume`,
      ({ params, viewer, clientIp, request, redirect }) => {
        resumeWhatsappChannel(params.id, viewerActor(viewer!, clientIp, request), deps);
        return redirect(`${PAGE}?resumed=1`, 303);
      },
      { access: ADMIN_ONLY },
    );
}
