import type { PageContext } from '../layout/page-context';
import { SettingsShell } from './settings-shell';
import { CsrfField, FormField } from '../components/form-field';
import { Notice } from './notice';
import { ShownOnce } from './shown-once';

export interface ApiTokenRow {
  id: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface ApiTokensView {
  tokens: ApiTokenRow[];
  form: { name: string; errors?: Record<string, string> };
  /** Present only in the response that created the token: it is never shown again. */
  created?: { name: string; token: string };
  notice?: string;
}

/** Tokens for programs using the API: list, create (shown once) and revoke. */
export function ApiTokensPage({ page, view }: { page: PageContext; view: ApiTokensView }) {
  const errors = view.form.errors ?? {};
  return (
    <SettingsShell page={page} title={page.t('apiTokens.title')}>
      <h1 safe>{page.t('apiTokens.title')}</h1>
      <p class="muted" safe>
        {page.t('apiTokens.intro')}
      </p>
      <Notice ok={view.notice} error={Object.keys(errors).length ? page.t('common.fixErrors') : undefined} />
      {view.created ? (
        <ShownOnce
          page={page}
          id="new-token"
          label={page.t('apiTokens.token')}
          message={page.t('apiTokens.created', { name: view.created.name })}
          secret={view.created.token}
        />
      ) : (
        ''
      )}
      {view.tokens.length === 0 ? (
        <p class="card muted" safe>
          {page.t('apiTokens.empty')}
        </p>
      ) : (
        <div class="table-wrap card">
          <table>
            <thead>
              <tr>
                <th safe>{page.t('apiTokens.col.name')}</th>
                <th safe>{page.t('apiTokens.col.created')}</th>
                <th safe>{page.t('apiTokens.col.lastUsed')}</th>
                <th safe>{page.t('apiTokens.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {view.tokens.map((token) => (
                <tr>
                  <td dir="auto" safe>
                    {token.name}
                  </td>
                  <td safe>{page.format.dateTime(token.createdAt)}</td>
                  <td safe>{token.lastUsedAt === null ? page.t('settings.never') : page.format.dateTime(token.lastUsedAt)}</td>
                  <td>{token.revokedAt === null ? <RevokeButton page={page} token={token} /> : <Revoked page={page} at={token.revokedAt} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 safe>{page.t('apiTokens.create.title')}</h2>
      <form method="post" action="/settings/api-tokens" class="card" novalidate>
        <CsrfField page={page} />
        <FormField page={page} name="name" label="field.tokenName" value={view.form.name} error={errors.name} hint="field.tokenName.hint" required dir="auto" />
        <button type="submit" safe>
          {page.t('apiTokens.create.submit')}
        </button>
      </form>
    </SettingsShell>
  );
}

function RevokeButton({ page, token }: { page: PageContext; token: ApiTokenRow }) {
  return (
    <form method="post" action={`/settings/api-tokens/${token.id}/revoke`} class="inline-form" hx-confirm={page.t('apiTokens.revoke.confirm', { name: token.name })}>
      <CsrfField page={page} />
      <span class="badge ok" safe>
        {page.t('apiTokens.status.active')}
      </span>
      <button type="submit" class="danger" safe>
        {page.t('apiTokens.revoke')}
      </button>
    </form>
  );
}

function Revoked({ page, at }: { page: PageContext; at: number }) {
  return (
    <span class="inline-form">
      <span class="badge off" safe>
        {page.t('apiTokens.status.revoked')}
      </span>
      <span class="muted" safe>
        {page.format.dateTime(at)}
      </span>
    </span>
  );
}
