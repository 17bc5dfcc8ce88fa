import type { PageContext } from '../layout/page-context';
import type { MessageKey } from '../../src/i18n/translate';

const SHORTCUTS: [string, MessageKey][] = [
  ['j', 'shortcuts.next'],
  ['k', 'shortcuts.previous'],
  ['r', 'shortcuts.reply'],
  ['n', 'shortcuts.note'],
  ['e', 'shortcuts.resolve'],
  ['/', 'shortcuts.canned'],
  ['?', 'shortcuts.help'],
];

/** The `?` help, rendered (localised) into a template that public/app.js opens as a dialog. */
export function ShortcutsHelp({ page }: { page: PageContext }) {
  return (
    <template id="shortcuts-help">
      <dialog class="shortcuts-dialog" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title" safe>
          {page.t('shortcuts.title')}
        </h2>
        <dl class="shortcuts">
          {SHORTCUTS.map(([key, label]) => (
            <>
              <dt>
                <kbd safe>{key}</kbd>
              </dt>
              <dd safe>{page.t(label)}</dd>
            </>
          ))}
        </dl>
        <form method="dialog">
          <button type="submit" class="secondary" safe>
            {page.t('shortcuts.close')}
          </button>
        </form>
      </dialog>
    </template>
  );
}
