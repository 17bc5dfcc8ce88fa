import type { PageContext } from '../layout/page-context';
import { SettingsShell } from './settings-shell';
import { Notice } from './notice';
import { CheckButton, PausedBadge, ResumeButton } from './whatsapp-channel-actions';

export interface ChannelSummary {
  id: string;
  name: string;
  displayPhoneNumber: string;
  phoneNumberId: string;
  isSandbox: boolean;
  /** Why sending is paused; null while the number is active. */
  pausedReason: string | null;
  paused: boolean;
}

/** Every connected number with its status, and the way to add another. Secrets never reach this page. */
export function WhatsappNumbersPage({ page, channels, notice }: { page: PageContext; channels: ChannelSummary[]; notice?: string }) {
  return (
    <SettingsShell page={page} title={page.t('whatsapp.settings.title')}>
      <h1 safe>{page.t('whatsapp.settings.title')}</h1>
      <p class="muted" safe>
        {page.t('whatsapp.settings.intro')}
      </p>
      <Notice ok={notice} />
      {channels.length === 0 ? (
        <p class="card muted" safe>
          {page.t('whatsapp.settings.empty')}
        </p>
      ) : (
        <div class="table-wrap card">
          <table>
            <thead>
              <tr>
                <th safe>{page.t('whatsapp.col.name')}</th>
                <th safe>{page.t('whatsapp.col.number')}</th>
                <th safe>{page.t('whatsapp.col.status')}</th>
                <th safe>{page.t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {channels.map((channel) => (
                <tr>
                  <td>
                    <span dir="auto" safe>
                      {channel.name}
                    </span>
                    {channel.isSandbox ? (
                      <>
                        {' '}
                        <span class="badge" safe>
                          {page.t('whatsapp.sandbox.badge')}
                        </span>
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                  <td>
                    <span dir="ltr" safe>
                      {channel.displayPhoneNumber || '—'}
                    </span>
                    <div class="muted small" dir="ltr" safe>
                      {page.t('whatsapp.col.phoneNumberId', { id: channel.phoneNumberId })}
                    </div>
                  </td>
                  <td>
                    {channel.paused ? (
                      <PausedBadge page={page} reason={channel.pausedReason} />
                    ) : (
                      <span class="badge ok" safe>
                        {page.t('whatsapp.status.active')}
                      </span>
                    )}
                  </td>
                  <td>
                    <div class="actions">
                      {channel.isSandbox ? (
                        <a href="/sandbox" safe>
                          {page.t('whatsapp.sandbox.open')}
                        </a>
                      ) : (
                        <a href={`/settings/whatsapp/${channel.id}`} safe>
                          {page.t('common.edit')}
                        </a>
                      )}
                      <CheckButton page={page} channelId={channel.id} />
                      {channel.paused ? <ResumeButton page={page} channelId={channel.id} /> : ''}
                    </div>
                    <div id={`check-${channel.id}`} class="check-slot" aria-live="polite"></div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a class="button" href="/settings/whatsapp/new" safe>
          {page.t('whatsapp.settings.add')}
        </a>
      </p>
    </SettingsShell>
  );
}
