import type { PageContext } from '../../layout/page-context';
import type { MessageDetail } from '../../../src/conversations/message-detail';

type Location = Extract<MessageDetail, { type: 'location' }>;

/** A shared place: its name and address as text, an OpenStreetMap link built from the numbers, and its own https link. */
export function LocationKind({ page, detail }: { page: PageContext; detail: Location }) {
  return (
    <div class="location">
      <p class="location-title">
        <span aria-hidden="true">📍 </span>
        <strong dir="auto" safe>
          {detail.name || page.t('inbox.kind.location')}
        </strong>
      </p>
      {detail.address ? (
        <p class="location-address" dir="auto" safe>
          {detail.address}
        </p>
      ) : (
        ''
      )}
      <p class="actions">
        {detail.mapUrl ? (
          <a href={detail.mapUrl} rel="noopener noreferrer nofollow" target="_blank" safe>
            {page.t('inbox.location.openMap')}
          </a>
        ) : (
          ''
        )}
        {detail.url ? (
          <a href={detail.url} rel="noopener noreferrer nofollow" target="_blank" dir="ltr" safe>
            {detail.url}
          </a>
        ) : (
          ''
        )}
      </p>
    </div>
  );
}
