import type { PageContext } from '../../layout/page-context';
import type { MessageView } from '../../../src/conversations/message-view';
import { TextKind } from './text-kind';

type MediaKindName = 'image' | 'sticker' | 'video' | 'audio' | 'voice' | 'document';

/** Photos, stickers, video, audio, voice notes and documents, served by /media/:id; the caption follows. */
export function MediaKind({ page, message, mediaKind }: { page: PageContext; message: MessageView; mediaKind: MediaKindName }) {
  const media = message.media;
  return (
    <>
      {!media || media.state !== 'downloaded' ? (
        <p class="media-missing muted" safe>
          {page.t(media?.state === 'failed' ? 'inbox.media.failed' : 'inbox.media.pending', { kind: page.t(`inbox.kind.${mediaKind}`) })}
        </p>
      ) : mediaKind === 'image' || mediaKind === 'sticker' ? (
        <a href={media.url} target="_blank" rel="noopener noreferrer" class={`media-${mediaKind}`}>
          <img src={media.url} alt={page.t(`inbox.kind.${mediaKind}`)} loading="lazy" decoding="async" />
        </a>
      ) : mediaKind === 'video' ? (
        <video src={media.url} controls class="media-video" {...{ preload: 'metadata' }}></video>
      ) : mediaKind === 'audio' || mediaKind === 'voice' ? (
        <div class="media-audio">
          <span class="muted" safe>
            {page.t(`inbox.kind.${mediaKind}`)}
          </span>
          <audio src={media.url} controls="" preload="none"></audio>
        </div>
      ) : (
        <DocumentLink page={page} media={media} />
      )}
      <TextKind message={message} />
    </>
  );
}

function DocumentLink({ page, media }: { page: PageContext; media: NonNullable<MessageView['media']> }) {
  const name = media.fileName || page.t('inbox.kind.document');
  return (
    <a class="document-link" href={media.url} download="">
      <span class="document-icon" aria-hidden="true">
        📄
      </span>
      <span class="document-name" dir="auto" safe>
        {name}
      </span>
      {media.bytes !== null ? (
        <span class="document-size muted" safe>
          {page.format.bytes(media.bytes)}
        </span>
      ) : (
        ''
      )}
    </a>
  );
}
