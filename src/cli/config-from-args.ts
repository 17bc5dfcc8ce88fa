import { configOptions, loadConfig, type Config, type ConfigKey } from '../config';
import { UsageError } from './command';

/** The flags every command that touches the data folder accepts (same names as the env vars, in flag form). */
export const CONFIG_FLAGS = Object.values(configOptions).map((o) => o.flag.slice(2));

export function configFromArgs(flags: Record<string, string | true>, env: Record<string, string | undefined>): Config {
  const given: Partial<Record<ConfigKey, string>> = {};
  for (const [key, option] of Object.entries(configOptions)) {
    const value = flags[option.flag.slice(2)];
    if (value === true) throw new UsageError(`${option.flag} needs a value.`);
    if (value !== undefined) given[key as ConfigKey] = value;
  }
  const result = loadConfig(env, given);
  if (!result.ok) throw new UsageError(result.problems.join('\n'));
  return result.config;
}

export const configHelp = () =>
  Object.values(configOptions)
    .map((o) => `  ${`${o.flag} <value>`.padEnd(26)} ${o.doc} (env ${o.env}, default ${o.default || 'none'})`)
    .join('\n');
