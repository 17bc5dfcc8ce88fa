import type { PageContext } from '../layout/page-context';

export interface CsatRatingView {
  rating: number | null;
  comment: string | null;
  agentName: string | null;
}

/** The conversation's satisfaction rating (or that the survey waits), for the conversation page's side panel. */
export function CsatRatingFragment({ page, survey }: { page: PageContext; survey: CsatRatingView | null }) {
  if (!survey) return <div id="csat-rating" />;
  return (
    <section id="csat-rating" class="csat-rating" aria-label={page.t('csat.badge.title')}>
      <h3 safe>{page.t('csat.badge.title')}</h3>
      {survey.rating === null ? (
        <p class="muted" safe>
          {page.t('csat.badge.waiting')}
        </p>
      ) : (
        <p>
          <span class="csat-stars" aria-hidden="true" safe>
            {'★'.repeat(survey.rating) + '☆'.repeat(5 - survey.rating)}
          </span>{' '}
          <strong safe>{page.t('csat.badge.rating', { rating: page.format.number(survey.rating) })}</strong>
        </p>
      )}
      {survey.agentName ? (
        <p class="muted small" safe>
          {page.t('csat.badge.agent', { agent: survey.agentName })}
        </p>
      ) : (
        ''
      )}
      {survey.comment ? (
        <blockquote>
          <span class="muted small" safe>
            {page.t('csat.badge.comment')}
          </span>
          <p dir="auto" safe>
            {survey.comment}
          </p>
        </blockquote>
      ) : (
        ''
      )}
    </section>
  );
}

/** Placeholder on the conversation page that loads the rating once the page is shown (kept out of the inbox module). */
export function CsatRatingSlot({ conversationId }: { conversationId: string }) {
  return <div id="csat-rating" hx-get={`/conversations/${conversationId}/csat`} hx-trigger="load" hx-swap="outerHTML" />;
}
