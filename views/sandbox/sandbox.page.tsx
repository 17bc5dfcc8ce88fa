import type { PageContext } from '../layout/page-context';
import { AppShell } from '../layout/app-shell';
import type { MessageKey } from '../../src/i18n/translate';
import { PhoneBody, type PhoneView } from './sandbox-phone';

export interface SandboxPageView extends PhoneView {
  /** Customers who already wrote to the sandbox, newest first, to pick again. */
  recent: { name: string; phone: string }[];
  customerErrors?: Record<string, string>;
  /** The sandbox number (shown in the phone's title bar). */
  numberLabel: string;
}

/** The admin's "customer phone": write to the Sandbox number as a customer and watch the business's replies arrive. */
export function SandboxPage({ page, view }: { page: PageContext; view: SandboxPageView }) {
  const errors = view.customerErrors ?? {};
  return (
    <AppShell page={page} title={page.t('sandbox.title')}>
      <div class="sandbox">
        <section class="sandbox-side">
          <h1 safe>{page.t('sandbox.title')}</h1>
          <p class="muted" safe>
            {page.t('sandbox.intro')}
          </p>
          <form method="get" action="/sandbox" class="card sandbox-customer" novalidate>
            <h2 safe>{page.t('sandbox.customer.title')}</h2>
            <div class="field">
              <label for="customer-name" safe>
                {page.t('sandbox.field.name')}
              </label>
              <input id="customer-name" name="name" type="text" value={view.customer.name} dir="auto" aria-invalid={errors.name ? 'true' : undefined} />
              {errors.name ? (
                <span class="error" safe>
                  {page.t(errors.name as MessageKey)}
                </span>
              ) : (
                ''
              )}
            </div>
            <div class="field">
              <label for="customer-phone" safe>
                {page.t('sandbox.field.phone')}
              </label>
              <input id="customer-phone" name="phone" type="text" inputmode="tel" value={view.customer.phone} dir="ltr" aria-invalid={errors.phone ? 'true' : undefined} />
              {errors.phone ? (
                <span class="error" safe>
                  {page.t(errors.phone as MessageKey)}
                </span>
              ) : (
                <span class="hint" safe>
                  {page.t('sandbox.field.phone.hint')}
                </span>
              )}
            </div>
            <button type="submit" class="secondary" safe>
              {page.t('sandbox.customer.use')}
            </button>
          </form>
          {view.recent.length ? (
            <nav class="card" aria-label={page.t('sandbox.recent')}>
              <h2 safe>{page.t('sandbox.recent')}</h2>
              <ul class="sandbox-recent">
                {view.recent.map((c) => (
                  <li>
                    <a href={`/sandbox?${new URLSearchParams({ name: c.name, phone: c.phone })}`}>
                      <span dir="auto" safe>
                        {c.name}
                      </span>{' '}
                      <span class="muted" dir="ltr" safe>
                        {`+${c.phone}`}
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : (
            ''
          )}
          <p class="muted small" safe>
            {page.t('sandbox.howItWorks')}
          </p>
        </section>
        <section class="phone" aria-label={page.t('sandbox.phone')}>
          <header class="phone-bar">
            <strong dir="auto" safe>
              {page.businessName}
            </strong>
            <span class="muted" dir="ltr" safe>
              {view.numberLabel}
            </span>
          </header>
          <div id="sandbox-phone-body">
            <PhoneBody page={page} view={view} />
          </div>
        </section>
      </div>
    </AppShell>
  );
}
