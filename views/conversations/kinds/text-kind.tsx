import type { MessageView } from '../../../src/conversations/message-view';
import { RichText } from './rich-text';

/** Text messages, notes and captions: the body with safe links, line breaks kept by CSS. */
export function TextKind({ message }: { message: MessageView }) {
  if (!message.body) return '';
  return (
    <p class="bubble-text" dir="auto">
      <RichText tokens={message.bodyTokens} />
    </p>
  );
}
