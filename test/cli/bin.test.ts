import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;

describe('the quadrant bin', () => {
  it('runs through npx with no build step', async () => {
    const { stdout } = await run(
      'npx',
      ['--no-install', 'quadrant', 'classify', '--json', 'SME, lowest rate, fast approval'],
      {
        cwd: root,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' },
      },
    );
    expect(JSON.parse(stdout).type).toBe('transactional');
  });

  it('exits 2 on a usage error', async () => {
    await expect(run('node', ['bin/quadrant.js', 'classify'], { cwd: root })).rejects.toMatchObject({ code: 2 });
  });
});
