import { describe, expect, test } from 'bun:test';
import { commands } from '../../src/cli/commands';
import { rasil } from './cli-harness';

describe('rasil command line', () => {
  test('refuses an unknown command', async () => {
    const result = await rasil(['frobnicate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Unknown command "frobnicate". Run `rasil --help` to see the commands.\n');
  });

  test('lists every command in the overview', async () => {
    const result = await rasil(['--help']);
    expect(result.code).toBe(0);
    for (const name of ['doctor', 'user', 'token', 'backup', 'restore']) expect(result.stdout).toMatch(new RegExp(`^  ${name}\\s+\\S`, 'm'));
  });

  test.each(commands.map((c) => c.name))('rasil %s --help prints its usage', async (name) => {
    const result = await rasil([name, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toStartWith('Usage:');
  });

  test.each(['doctor --verbose', 'backup --force', 'restore --yes', 'user list --all', 'token list --all'])('rasil %s is refused as an unknown option', async (line) => {
    const argv = line.split(' ');
    const result = await rasil(argv);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Unknown option: ${argv.at(-1)}.`);
  });

  test('refuses an option that belongs to another action', async () => {
    const result = await rasil(['user', 'list', '--email', 'a@example.com']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unknown option: --email.');
  });

  test('refuses an extra argument', async () => {
    const result = await rasil(['doctor', 'now']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unexpected argument "now"');
  });
});
