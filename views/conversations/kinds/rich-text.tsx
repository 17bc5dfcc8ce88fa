import type { TextToken } from '../../../src/conversations/linkify';

/**
 * Customer text with its safe links as anchors. Tokens come from linkify (only http(s), mailto and tel); every
 * piece is escaped, and links open in a new tab without handing over the inbox window or the referrer.
 */
export function RichText({ tokens }: { tokens: TextToken[] }) {
  return (
    <>
      {tokens.map((token) =>
        token.type === 'link' ? (
          <a href={token.href} rel="noopener noreferrer nofollow" target="_blank" safe>
            {token.text}
          </a>
        ) : (
          <span safe>{token.text}</span>
        ),
      )}
    </>
  );
}
