import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Subprocess } from 'bun';
import pkg from '../../package.json';

export const repoRoot = resolve(import.meta.dir, '../..');

/** The flags of `bun run build`, read from package.json so the tests exercise exactly what ships. */
export function buildFlags(): string[] {
  const words = pkg.scripts.build.split(/\s+/);
  if (words[0] !== 'bun' || words[1] !== 'build') throw new Error(`Unexpected build script: ${pkg.scripts.build}`);
  const outAt = words.indexOf('--outfile');
  return words.slice(2).filter((_, i) => i + 2 !== outAt && i + 2 !== outAt + 1);
}

/**
 * Compiles `entry` into `outfile` with the build script's flags; without `entry`, the build script's own entry
 * points (src/main.ts and the background thread's). Another entry is compiled alone.
 */
export async function compile(outfile: string, entry?: string): Promise<void> {
  const flags = entry ? [...buildFlags().filter((word) => !word.endsWith('.ts')), entry] : buildFlags();
  const build = Bun.spawn(['bun', 'build', ...flags, '--outfile', outfile], { cwd: repoRoot, stdout: 'pipe', stderr: 'pipe' });
  const [code, out, err] = await Promise.all([build.exited, new Response(build.stdout).text(), new Response(build.stderr).text()]);
  if (code !== 0) throw new Error(`bun build failed (${code}):\n${out}\n${err}`);
}

/** Builds the real binary into its own empty temporary folder and returns its path. */
export async function buildRasil(): Promise<string> {
  const binary = join(mkdtempSync(join(tmpdir(), 'rasil-bin-')), 'rasil');
  await compile(binary);
  return binary;
}

/** A TCP port nobody listens on right now. */
export function freePort(): number {
  const probe = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response() });
  const port = probe.port!;
  probe.stop(true);
  return port;
}

/** The environment a child gets: the parent's, minus any RASIL_* setting that could leak in from the shell. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('RASIL_')) env[key] = value;
  return { ...env, RASIL_LOG_LEVEL: 'warn', ...extra };
}

export interface Server {
  process: Subprocess<'ignore', 'pipe', 'pipe'>;
  port: number;
  url: string;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  readyMs: number;
}

/** Starts `binary serve` from `/` (so nothing beside the binary or in the cwd can help it) and waits for /healthz. */
export async function startServer(binary: string, dataDir: string, { timeoutMs = 15_000, env = {} as Record<string, string> } = {}): Promise<Server> {
  const port = freePort();
  const started = performance.now();
  const child = Bun.spawn([binary, 'serve', '--data-dir', dataDir, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: '/',
    env: cleanEnv(env),
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const url = `http://127.0.0.1:${port}`;
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`rasil serve exited with ${child.exitCode}: ${await new Response(child.stderr).text()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) return { process: child, port, url, readyMs: performance.now() - started };
    } catch {
      // Not listening yet.
    }
    await Bun.sleep(5);
  }
  child.kill('SIGKILL');
  throw new Error(`rasil serve did not answer /healthz within ${timeoutMs} ms`);
}

/** Runs the binary to completion and collects what it printed. */
export async function runRasil(binary: string, args: string[], { env = {} as Record<string, string>, stdin }: { env?: Record<string, string>; stdin?: string } = {}) {
  const child = Bun.spawn([binary, ...args], {
    cwd: '/',
    env: cleanEnv(env),
    stdin: stdin === undefined ? 'ignore' : new Blob([stdin]),
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const [code, stdout, stderr] = await Promise.all([child.exited, new Response(child.stdout).text(), new Response(child.stderr).text()]);
  return { code, stdout, stderr };
}

/** Resident memory of a live process in KiB, from /proc (Linux only). */
export async function residentKiB(pid: number): Promise<number> {
  const status = await Bun.file(`/proc/${pid}/status`).text();
  const match = status.match(/^VmRSS:\s+(\d+)\s+kB/m);
  if (!match) throw new Error(`No VmRSS for pid ${pid}`);
  return Number(match[1]);
}
