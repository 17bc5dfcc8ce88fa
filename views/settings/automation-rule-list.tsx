import type { PageContext } from '../layout/page-context';
import type { RuleSummary } from '../../src/automation/automation-page-view';

/** The keyword replies that apply to this number, in the order they are tried, with a link to edit each. */
export function KeywordRuleList({ page, inboxId, rules }: { page: PageContext; inboxId: string; rules: RuleSummary[] }) {
  const base = `/settings/automation/${encodeURIComponent(inboxId)}/rules`;
  return (
    <section class="card">
      <h2 safe>{page.t('automation.rules.title')}</h2>
      <p class="muted" safe>
        {page.t('automation.rules.intro')}
      </p>
      <p>
        <a class="button" href={`${base}/new`} safe>
          {page.t('automation.rules.new')}
        </a>
      </p>
      {rules.length === 0 ? (
        <p class="muted" safe>
          {page.t('automation.rules.empty')}
        </p>
      ) : (
        <div class="table-wrap">
          <table class="keyword-rules">
            <thead>
              <tr>
                <th safe>{page.t('automation.ruleForm.position')}</th>
                <th safe>{page.t('automation.rules.col.name')}</th>
                <th safe>{page.t('automation.ruleForm.keywords')}</th>
                <th safe>{page.t('automation.ruleForm.scope')}</th>
                <th safe>{page.t('automation.rules.col.details')}</th>
                <th safe>{page.t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr class={rule.enabled ? '' : 'muted'}>
                  <td safe>{page.format.number(rule.position)}</td>
                  <td dir="auto" safe>
                    {rule.name}
                  </td>
                  <td dir="auto" safe>
                    {rule.keywords.join(page.t('common.list.separator'))}
                  </td>
                  <td safe>{page.t(rule.allInboxes ? 'automation.rules.allInboxes' : 'automation.rules.thisInbox')}</td>
                  <td safe>
                    {[
                      rule.enabled ? '' : page.t('automation.rules.off'),
                      page.t('automation.rules.variants', { count: page.format.number(rule.variants) }),
                      rule.handOver ? page.t('automation.rules.handsOver') : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                  <td>
                    <a href={`${base}/${encodeURIComponent(rule.id)}`} safe>
                      {page.t('automation.rules.edit')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
