// Entry point of the `rasil` binary. It must export nothing: with `--bytecode`, an exporting entry is
// auto-served by Bun and the binary dies at start (see handbook/stack.md).
import { runCli } from './cli/run-cli';

const code = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => Bun.stdin.text(),
});
process.exit(code);
