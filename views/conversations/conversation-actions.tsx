import type { PageContext } from '../layout/page-context';
import type { ConversationActionsView } from '../../src/conversations/conversation-actions-view';
import { CsrfField } from '../components/form-field';
import { PRIORITIES } from './list-filters';

/** Handling a conversation (folded under the header until opened): assign, transfer with a note, status, snooze, priority, labels, mark unread. Plain forms. */
export function ConversationActions({ page, view }: { page: PageContext; view: ConversationActionsView }) {
  const base = `/conversations/${view.conversationId}`;
  const canManage = page.user?.role === 'admin' || page.user?.role === 'supervisor';
  return (
    <details class="conversation-actions">
      <summary safe>{page.t('list.actions.title')}</summary>
      <form method="post" action={`${base}/assign`} class="action-form">
        <CsrfField page={page} />
        <label>
          <span safe>{page.t('list.actions.assignee')}</span>
          <select name="assignee">
            <option value="none" safe>
              {page.t('list.actions.nobody')}
            </option>
            {view.choices.agents.map((agent) => (
              <option value={agent.id} selected={agent.id === view.assigneeId} safe>
                {agent.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span safe>{page.t('list.actions.team')}</span>
          <select name="team">
            <option value="none" safe>
              {page.t('list.actions.noTeam')}
            </option>
            {view.choices.teams.map((team) => (
              <option value={team.id} selected={team.id === view.teamId} safe>
                {team.name}
              </option>
            ))}
          </select>
        </label>
        {canManage ? (
          <label class="checkbox">
            <input type="checkbox" name="override" value="1" /> <span safe>{page.t('list.actions.override')}</span>
          </label>
        ) : (
          ''
        )}
        <button type="submit" class="secondary" safe>
          {page.t('list.actions.assign')}
        </button>
      </form>
      <form method="post" action={`${base}/transfer`} class="action-form">
        <CsrfField page={page} />
        <label>
          <span safe>{page.t('list.actions.transferTo')}</span>
          <select name="to" required>
            {view.choices.agents.map((agent) => (
              <option value={`agent:${agent.id}`} safe>
                {page.t('list.actions.agentOption', { name: agent.name })}
              </option>
            ))}
            {view.choices.teams.map((team) => (
              <option value={`team:${team.id}`} safe>
                {page.t('list.actions.teamOption', { name: team.name })}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span safe>{page.t('list.actions.transferNote')}</span>
          <textarea name="note" rows="2" dir="auto"></textarea>
        </label>
        <button type="submit" class="secondary" safe>
          {page.t('list.actions.transfer')}
        </button>
      </form>
      <form method="post" action={`${base}/snooze`} class="action-form">
        <CsrfField page={page} />
        <label>
          <span safe>{page.t('list.actions.snooze')}</span>
          <input type="datetime-local" name="until" value={view.snoozeDefault} required />
        </label>
        <button type="submit" class="secondary" safe>
          {page.t('list.actions.snoozeButton')}
        </button>
      </form>
      <form method="post" action={`${base}/priority`} class="action-form">
        <CsrfField page={page} />
        <label>
          <span safe>{page.t('list.actions.priority')}</span>
          <select name="priority">
            {PRIORITIES.map((p) => (
              <option value={p} selected={p === view.priority} safe>
                {page.t(`list.priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="secondary" safe>
          {page.t('list.actions.setPriority')}
        </button>
      </form>
      <LabelsForm page={page} view={view} base={base} />
      <form method="post" action={`${base}/unread`} class="action-form">
        <CsrfField page={page} />
        <button type="submit" class="secondary" safe>
          {page.t('list.actions.markUnread')}
        </button>
      </form>
    </details>
  );
}

function LabelsForm({ page, view, base }: { page: PageContext; view: ConversationActionsView; base: string }) {
  const available = view.choices.labels.filter((label) => !view.labels.some((l) => l.id === label.id));
  return (
    <div class="action-form labels-form">
      <h3 safe>{page.t('list.actions.labels')}</h3>
      {view.labels.length === 0 ? (
        <p class="muted small" safe>
          {page.t('list.actions.noLabels')}
        </p>
      ) : (
        <ul class="label-list">
          {view.labels.map((label) => (
            <li>
              <form method="post" action={`${base}/labels`}>
                <CsrfField page={page} />
                <input type="hidden" name="remove" value={label.id} />
                <span class={`badge label-chip label-${label.color}`} dir="auto" safe>
                  {label.name}
                </span>{' '}
                <button type="submit" class="link" aria-label={page.t('list.actions.removeLabel', { label: label.name })}>
                  ×
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {available.length > 0 ? (
        <form method="post" action={`${base}/labels`}>
          <CsrfField page={page} />
          <label>
            <span class="visually-hidden" safe>
              {page.t('list.actions.addLabel')}
            </span>
            <select name="add">
              {available.map((label) => (
                <option value={label.id} safe>
                  {label.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="secondary" safe>
            {page.t('list.actions.addLabel')}
          </button>
        </form>
      ) : (
        ''
      )}
    </div>
  );
}
