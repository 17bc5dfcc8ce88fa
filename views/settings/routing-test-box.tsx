import type { PageContext } from '../layout/page-context';
import type { TimelineText } from '../../src/i18n/timeline-text';
import type { RoutingTrial } from '../../src/assignment/try-routing';
import { CsrfField } from '../components/form-field';

export interface RoutingTestBoxView {
  trial: RoutingTrial;
  inboxes: { id: string; name: string }[];
  /** What routing would do; absent until the box has been submitted. */
  result?: TimelineText;
}

/** The answer line, also sent alone as the htmx fragment. */
export function RoutingTestResult({ page, result }: { page: PageContext; result?: TimelineText }) {
  return result ? (
    <p class="alert alert-ok" role="status" safe>
      {page.explain(result)}
    </p>
  ) : (
    ''
  );
}

/** "Where would this message go?": posts to itself without JS, swaps only the answer with htmx. */
export function RoutingTestBox({ page, view }: { page: PageContext; view: RoutingTestBoxView }) {
  const { trial } = view;
  return (
    <form method="post" action="/settings/routing/test" class="card" id="routing-test" hx-post="/settings/routing/test" hx-target="#routing-test-result" hx-swap="innerHTML">
      <CsrfField page={page} />
      <h2 safe>{page.t('routing.test.title')}</h2>
      <p class="muted" safe>
        {page.t('routing.test.intro')}
      </p>
      <div class="field">
        <label for="trial-message" safe>
          {page.t('routing.test.message')}
        </label>
        <textarea id="trial-message" name="message" rows="3" dir="auto" maxlength="4096" safe>
          {trial.message}
        </textarea>
      </div>
      <div class="field">
        <label for="trial-inbox" safe>
          {page.t('routing.test.inbox')}
        </label>
        <select id="trial-inbox" name="inbox_id">
          {view.inboxes.map((inbox) => (
            <option value={inbox.id} selected={inbox.id === trial.inboxId} safe>
              {inbox.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="trial-customer" safe>
          {page.t('routing.test.customer')}
        </label>
        <select id="trial-customer" name="customer">
          <option value="new" selected={trial.customer === 'new'} safe>
            {page.t('routing.form.newCustomer')}
          </option>
          <option value="returning" selected={trial.customer === 'returning'} safe>
            {page.t('routing.form.returningCustomer')}
          </option>
        </select>
      </div>
      <label class="checkbox">
        <input type="checkbox" name="vip" value="yes" checked={trial.vip} /> <span safe>{page.t('routing.test.vip')}</span>
      </label>
      <div class="field">
        <label for="trial-language" safe>
          {page.t('routing.test.language')}
        </label>
        <input id="trial-language" type="text" name="language" value={trial.language} dir="ltr" maxlength="35" />
      </div>
      <div class="field">
        <label for="trial-tags" safe>
          {page.t('routing.test.tags')}
        </label>
        <input id="trial-tags" type="text" name="tags" value={trial.tags} dir="auto" maxlength="500" />
      </div>
      <div class="field">
        <label for="trial-menu" safe>
          {page.t('routing.test.menuOption')}
        </label>
        <input id="trial-menu" type="text" name="menu_option" value={trial.menuOption} dir="auto" maxlength="100" />
      </div>
      <button type="submit" safe>
        {page.t('routing.test.submit')}
      </button>
      <div id="routing-test-result" aria-live="polite">
        <RoutingTestResult page={page} result={view.result} />
      </div>
    </form>
  );
}
