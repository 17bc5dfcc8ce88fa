import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** The pid of a live Rasil server using this data folder, if any (a stale file from a crash is ignored). */
export function runningServerPid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export const writePidFile = (pidFile: string) => writeFileSync(pidFile, `${process.pid}\n`);
export const removePidFile = (pidFile: string) => rmSync(pidFile, { force: true });
