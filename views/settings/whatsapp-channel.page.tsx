import type { PageContext } from '../layout/page-context';
import { SettingsShell } from './settings-shell';
import { CsrfField, FormField } from '../components/form-field';
import { Notice } from './notice';
import { ConnectPanel } from './whatsapp-connect-panel';
import { CheckButton, PausedBadge, ResumeButton } from './whatsapp-channel-actions';
import { CheckResult } from './whatsapp-check-result';
import type { TokenCheck } from '../../src/channel/whatsapp/channels/token-check';

export interface ChannelFormValues {
  name: string;
  phoneNumberId: string;
  wabaId: string;
  verifyToken: string;
}

export interface ChannelPageView {
  form: ChannelFormValues;
  errors?: Record<string, string>;
  notice?: string;
  /** Present when editing a saved number. */
  saved?: {
    id: string;
    webhookUrl: string;
    verifyToken: string;
    paused: boolean;
    pausedReason: string | null;
    check?: TokenCheck;
  };
}

/**
 * Add or edit a number. The access token and app secret are write-only: the form never carries them back, and a
 * blank field on edit keeps the stored value.
 */
export function WhatsappChannelPage({ page, view }: { page: PageContext; view: ChannelPageView }) {
  const { form, saved } = view;
  const errors = view.errors ?? {};
  const title = saved ? page.t('whatsapp.edit.title', { name: form.name }) : page.t('whatsapp.new.title');
  const action = saved ? `/settings/whatsapp/${saved.id}` : '/settings/whatsapp';
  const secretHint = saved ? 'whatsapp.secret.set' : undefined;
  return (
    <SettingsShell page={page} title={title}>
      <p>
        <a href="/settings/whatsapp" safe>
          {page.t('whatsapp.back')}
        </a>
      </p>
      <h1 dir="auto" safe>
        {title}
      </h1>
      {saved?.paused ? (
        <div class="alert alert-error paused-alert">
          <PausedBadge page={page} reason={saved.pausedReason} />
          <ResumeButton page={page} channelId={saved.id} />
        </div>
      ) : (
        ''
      )}
      <Notice ok={view.notice} error={Object.keys(errors).length ? page.t('common.fixErrors') : undefined} />
      {saved ? (
        <div class="card">
          <CheckButton page={page} channelId={saved.id} />
          <div id={`check-${saved.id}`} class="check-slot" aria-live="polite">
            {saved.check ? <CheckResult page={page} result={saved.check} /> : ''}
          </div>
        </div>
      ) : (
        <p class="muted" safe>
          {page.t('whatsapp.new.intro')}
        </p>
      )}
      <form method="post" action={action} class="card" novalidate autocomplete="off">
        <CsrfField page={page} />
        <FormField page={page} name="name" label="field.name" value={form.name} error={errors.name} required dir="auto" hint="field.channelName.hint" />
        <FormField page={page} name="phoneNumberId" label="field.phoneNumberId" value={form.phoneNumberId} error={errors.phoneNumberId} required dir="ltr" hint="field.phoneNumberId.hint" />
        <FormField page={page} name="wabaId" label="field.wabaId" value={form.wabaId} error={errors.wabaId} required dir="ltr" hint="field.wabaId.hint" />
        <FormField page={page} name="accessToken" label="field.accessToken" type="password" error={errors.accessToken} required={!saved} autocomplete="off" dir="ltr" hint={secretHint ?? 'field.accessToken.hint'} />
        <FormField page={page} name="appSecret" label="field.appSecret" type="password" error={errors.appSecret} required={!saved} autocomplete="off" dir="ltr" hint={secretHint ?? 'field.appSecret.hint'} />
        <FormField page={page} name="verifyToken" label="field.verifyToken" value={form.verifyToken} error={errors.verifyToken} required={Boolean(saved)} dir="ltr" hint={saved ? 'field.verifyToken.editHint' : 'field.verifyToken.hint'} />
        <button type="submit" safe>
          {saved ? page.t('common.save') : page.t('whatsapp.new.submit')}
        </button>
      </form>
      {saved ? <ConnectPanel page={page} webhookUrl={saved.webhookUrl} verifyToken={saved.verifyToken} /> : ''}
    </SettingsShell>
  );
}
