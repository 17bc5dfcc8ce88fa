import type { AppDeps } from '../../deps';
import type { CommandIo } from '../command';
import { UsageError } from '../command';
import { parseArgs, unknownFlags } from '../args';
import { CONFIG_FLAGS, configFromArgs } from '../config-from-args';
import { openDeps } from '../open-deps';
import { rejectExtraArguments } from './flag-values';

export interface SubcommandContext {
  flags: Record<string, string | true>;
  io: CommandIo;
  /** Opens the data folder on first call (migrated, like serve); closed by the dispatcher afterwards. */
  deps(): AppDeps;
}

export interface Subcommand {
  /** Options besides the config flags (--data-dir…), which every subcommand accepts. */
  flags: string[];
  run(context: SubcommandContext): Promise<number>;
}

/**
 * Runs `rasil <group> <action> [options]`. Options are checked before the data folder is opened, so a typo
 * never creates or migrates a database.
 */
export async function runSubcommand(group: string, actions: Record<string, Subcommand>, io: CommandIo, booleans: string[] = []): Promise<number> {
  const { positionals, flags } = parseArgs(io.argv, { booleans });
  const [name, ...extra] = positionals;
  const names = Object.keys(actions).join(', ');
  if (!name) throw new UsageError(`Say what to do: rasil ${group} <${names.replaceAll(', ', '|')}>. Run \`rasil ${group} --help\` for details.`);
  const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
  if (!action) throw new UsageError(`Unknown action "${name}" for rasil ${group}; use one of ${names}.`);
  rejectExtraArguments(extra, group);
  const unknown = unknownFlags(flags, [...action.flags, ...CONFIG_FLAGS]);
  if (unknown) throw new UsageError(unknown);
  const config = configFromArgs(flags, io.env);

  let opened: ReturnType<typeof openDeps> | undefined;
  try {
    return await action.run({ flags, io, deps: () => (opened ??= openDeps(config, { logLevel: 'warn' })) });
  } finally {
    opened?.close();
  }
}
