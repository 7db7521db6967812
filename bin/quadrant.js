#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm ci` through the prepare script, or `npm run build`).
import module from 'node:module';

// Node 22.1+ keeps the compiled code of the modules between runs (in the OS temp folder, or
// NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns it off): about 15% off each start-up.
module.enableCompileCache?.();
const { jsonlRestartArgv } = await import('../dist/src/cli/jsonl-node-flags.js');
// A `classify --jsonl` batch needs Node flags that only apply at start-up (see jsonl-node-flags.ts):
// where Node can replace its own process image (22.15+ on Unix), it does so before reading stdin, so
// the same pid does the work. Node 20 has no execve, and its defaults already match the flags.
const restart = jsonlRestartArgv({
  execPath: process.execPath,
  execArgv: process.execArgv,
  argv: process.argv,
  nodeOptions: process.env.NODE_OPTIONS,
});
if (restart !== null && typeof process.execve === 'function') {
  try {
    process.execve(process.execPath, restart, process.env);
  } catch {
    // The exec was refused: run here, under the flags this process has.
  }
}
const { runCli } = await import('../dist/src/cli/main.js');
const { guardOutput } = await import('../dist/src/cli/output-errors.js');
// `| head` closing the pipe, or a full disk, ends the CLI with a status instead of a stack trace.
guardOutput(process.stdout, process.stderr, (status) => process.exit(status));
process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
