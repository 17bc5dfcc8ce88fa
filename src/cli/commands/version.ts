import type { Command } from '../command';
import { VERSION } from '../../version';

export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the version',
  help: 'Usage: rasil version\n\nPrints the version of this Rasil binary.',
  async run(io) {
    io.stdout(`rasil ${VERSION} (bun ${Bun.version})\n`);
    return 0;
  },
};
