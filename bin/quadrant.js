#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm ci` through the prepare script, or `npm run build`).
const { runCli } = await import('../dist/src/cli/main.js');
const { guardOutput } = await import('../dist/src/cli/output-errors.js');
// `| head` closing the pipe, or a full disk, ends the CLI with a status instead of a stack trace.
guardOutput(process.stdout, process.stderr, (status) => process.exit(status));
process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
