import type { PageContext } from '../layout/page-context';
import type { BotSummaryView } from '../../src/automation/menu-bot/bot-summary-view';

/**
 * The slot at the top of a conversation: loads the Bot summary after the page, so the conversations module does
 * not need to know the bot exists (the fragment is empty when the bot never talked here).
 */
export function BotSummarySlot({ conversationId }: { conversationId: string }) {
  return <div id="bot-summary" hx-get={`/conversations/${encodeURIComponent(conversationId)}/bot-summary`} hx-trigger="load" hx-swap="outerHTML"></div>;
}

/** The bot's answers and transcript, collapsed once a person has the conversation, so the timeline stays first. */
export function BotSummary({ page, view }: { page: PageContext; view: BotSummaryView }) {
  return (
    <details id="bot-summary" class="bot-summary" open={view.state === 'active'}>
      <summary safe>{page.t('menuBot.summary.title')}</summary>
      <p class="muted" safe>
        {page.t(view.state === 'active' ? 'menuBot.summary.active' : 'menuBot.summary.handedOver')}
      </p>
      <h3 safe>{page.t('menuBot.summary.answers')}</h3>
      {view.answers.length === 0 ? (
        <p class="muted" safe>
          {page.t('menuBot.summary.noAnswers')}
        </p>
      ) : (
        <dl>
          {view.answers.map((answer) => (
            <>
              <dt dir="auto" safe>
                {answer.key}
              </dt>
              <dd dir="auto" safe>
                {answer.value}
              </dd>
            </>
          ))}
        </dl>
      )}
      <h3 safe>{page.t('menuBot.summary.transcript')}</h3>
      <ol class="bot-transcript">
        {view.transcript.map((line) => (
          <li>
            <span class="who" safe>
              {page.t(line.from === 'bot' ? 'menuBot.summary.bot' : 'menuBot.summary.customer')}
            </span>{' '}
            <time datetime={new Date(line.at).toISOString()} safe>
              {page.format.dateTime(line.at)}
            </time>{' '}
            <span dir="auto" safe>
              {line.text}
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}
