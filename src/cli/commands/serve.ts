import type { Command } from '../command';
import { UsageError } from '../command';
import { parseKnownArgs } from '../args';
import { CONFIG_FLAGS, configFromArgs, configHelp } from '../config-from-args';
import { openDeps } from '../open-deps';
import { dataPaths } from '../../database';
import { removePidFile, runningServerPid, writePidFile } from '../pid-file';
import { createApp, maxRequestBodySize } from '../../app';
import { startBackground } from '../background/start-background';
import { publicBaseUrl } from '../../config';
import { ensureSandboxChannel, sandboxGraphUrl } from '../../channel/whatsapp/sandbox/ensure-sandbox-channel';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the web server, webhooks and background jobs',
  help: `Usage: rasil serve [options]\n\nStarts Rasil. Options (each can also be set with its environment variable):\n${configHelp()}`,
  async run(io) {
    const { flags } = parseKnownArgs(io.argv, CONFIG_FLAGS);
    const config = configFromArgs(flags, io.env);
    const paths = dataPaths(config);
    const other = runningServerPid(paths.pidFile);
    if (other) throw new UsageError(`Another Rasil server (pid ${other}) is already using ${config.dataDir}. Stop it first.`);

    const deps = openDeps(config);
    const app = createApp(deps);
    app.listen({
      port: config.port,
      hostname: config.host,
      // Bun answers 413 itself before reading an oversized body into memory.
      maxRequestBodySize: maxRequestBodySize(deps),
    });
    // The built-in Sandbox number sends through the fake Graph mounted on this very port; created on the first start.
    const sandboxGraph = sandboxGraphUrl({ host: config.host, port: app.server?.port ?? config.port, graphApiUrl: config.graphApiUrl });
    ensureSandboxChannel(deps, { graphApiUrl: sandboxGraph });
    // Written once listening succeeded, so a failed start leaves no pid file claiming the data folder.
    writePidFile(paths.pidFile);
    // Jobs and drain loops run on a background thread with its own connection: this thread answers requests.
    const background = startBackground(deps);
    // Every change that open tabs hear about may have appended domain events: run their handlers at once.
    deps.live?.subscribe(() => true, () => deps.wake?.('events'));
    deps.logger.info('rasil started', { version: deps.version, url: publicBaseUrl(config), dataDir: config.dataDir, port: app.server?.port });

    return await new Promise<number>((resolve) => {
      let stopping = false;
      const shutdown = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        deps.logger.info('shutting down', { signal });
        // Stop taking requests and let the ones in flight finish, then the jobs, then flush the WAL.
        await app.server?.stop(false);
        await background.stop();
        try {
          deps.sqlite.run('PRAGMA wal_checkpoint(TRUNCATE)');
        } catch (error) {
          deps.logger.warn('wal checkpoint failed', { error });
        }
        deps.close();
        removePidFile(paths.pidFile);
        deps.logger.info('stopped');
        resolve(0);
      };
      process.on('SIGTERM', () => void shutdown('SIGTERM'));
      process.on('SIGINT', () => void shutdown('SIGINT'));
    });
  },
};
