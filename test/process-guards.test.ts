import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * The guards in a real Node process: each script installs them as main.ts does, then fails in
 * one way. A rejection or an I/O error is logged with a reference and the process goes on; a
 * programming error leaves the state unknown, so it shuts down, says why, and exits 1.
 */
const run = (body: string): Promise<{ code: number | null; stderr: string; stdout: string }> =>
  new Promise((resolve) => {
    const script = `
      import { installProcessGuards } from './src/process-guards.ts';
      installProcessGuards({
        logger: { error: (m) => process.stderr.write(m + '\\n') },
        shutdown: async () => { process.stdout.write('closed\\n'); },
      });
      ${body}
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: process.cwd(),
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.on('close', (code) => resolve({ code, stderr, stdout }));
  });

describe('process guards', () => {
  it('an unhandled rejection is logged with a reference and the process keeps working', async () => {
    const result = await run(`
      Promise.reject(new Error('store claim failed'));
      setTimeout(() => { process.stdout.write('still serving\\n'); process.exit(0); }, 100);
    `);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('still serving');
    expect(result.stderr).toMatch(
      /unhandled rejection \(ref [a-z0-9]+\): Error: store claim failed|unhandled rejection \(ref [a-z0-9]+\): store claim failed/,
    );
  });

  it('an I/O error thrown from a callback is logged and the process keeps working', async () => {
    const result = await run(`
      setTimeout(() => { throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }); }, 10);
      setTimeout(() => { process.stdout.write('still serving\\n'); process.exit(0); }, 150);
    `);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('still serving');
    expect(result.stderr).toMatch(/uncaught I\/O error \(ref [a-z0-9]+\): ECONNRESET: socket hang up/);
  });

  it('a programming error closes cleanly, says why in one line, and exits 1', async () => {
    const result = await run(`
      setTimeout(() => { null.ssl_check; }, 10);
      setInterval(() => {}, 1000);
    `);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('closed');
    expect(result.stderr).toMatch(/uncaught exception \(ref [a-z0-9]+\): .*state is unknown/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
