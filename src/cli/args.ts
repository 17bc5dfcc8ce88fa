import { UsageError } from './command';

/**
 * A small parser for `--name value`, `--name=value` and boolean `--flag`. Unknown flags are reported,
 * never ignored, so a typo cannot silently change what a command does.
 */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[], { booleans = [] as string[] } = {}): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (eq !== -1) flags[name] = arg.slice(eq + 1);
    else if (booleans.includes(name)) flags[name] = true;
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) flags[name] = argv[++i]!;
    else flags[name] = true;
  }
  return { positionals, flags };
}

/** Flags not in `allowed`, as a sentence for the user, or undefined when all are known. */
export function unknownFlags(flags: Record<string, unknown>, allowed: string[]): string | undefined {
  const unknown = Object.keys(flags).filter((f) => !allowed.includes(f));
  if (unknown.length === 0) return undefined;
  return `Unknown option${unknown.length > 1 ? 's' : ''}: ${unknown.map((f) => `--${f}`).join(', ')}. Run with --help to see the options.`;
}

/** parseArgs, refusing any flag not in `allowed` with a sentence the user can act on. */
export function parseKnownArgs(argv: string[], allowed: string[], options: { booleans?: string[] } = {}): ParsedArgs {
  const parsed = parseArgs(argv, { booleans: options.booleans ?? [] });
  const unknown = unknownFlags(parsed.flags, allowed);
  if (unknown) throw new UsageError(unknown);
  return parsed;
}
