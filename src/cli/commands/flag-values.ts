import { UsageError } from '../command';

/** The value of a `--name value` option the command cannot do without. */
export function requiredValue(flags: Record<string, string | true>, name: string, example: string): string {
  const value = flags[name];
  if (value === undefined || value === true || value.trim() === '') throw new UsageError(`--${name} needs a value, for example --${name} ${example}.`);
  return value;
}

/** Commands that take no (further) positional arguments say so rather than ignoring them. */
export function rejectExtraArguments(extra: string[], command: string) {
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}". Run \`rasil ${command} --help\` to see the usage.`);
}
