import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JSONL_NODE_FLAGS, jsonlRestartArgv, type NodeStart } from '../../src/cli/jsonl-node-flags.js';
import { cliArgs, ROOT } from '../support/entry.js';

const start = (args: string[], over: Partial<NodeStart> = {}): NodeStart => ({
  execPath: '/opt/node/bin/node',
  execArgv: [],
  argv: ['/opt/node/bin/node', '/app/bin/quadrant.js', ...args],
  nodeOptions: undefined,
  ...over,
});

describe('the Node flags of classify --jsonl', () => {
  it('restarts a --jsonl run with the flags after the given ones and before the script', () => {
    const argv = jsonlRestartArgv(start(['classify', '--jsonl'], { execArgv: ['--enable-source-maps'] }));
    expect(argv).toEqual([
      '/opt/node/bin/node',
      '--enable-source-maps',
      ...JSONL_NODE_FLAGS,
      '/app/bin/quadrant.js',
      'classify',
      '--jsonl',
    ]);
  });

  it('leaves every other run as it started', () => {
    expect(jsonlRestartArgv(start(['classify', '--json', 'SME']))).toBeNull();
    expect(jsonlRestartArgv(start(['playbook', '--jsonl']))).toBeNull();
    expect(jsonlRestartArgv(start(['classify', '--', '--jsonl']))).toBeNull();
    expect(jsonlRestartArgv(start([]))).toBeNull();
  });

  it('does not restart once the flags are in effect, or when the operator sized the heap', () => {
    const jsonl = ['classify', '--jsonl'];
    expect(jsonlRestartArgv(start(jsonl, { execArgv: [...JSONL_NODE_FLAGS] }))).toBeNull();
    expect(jsonlRestartArgv(start(jsonl, { execArgv: ['--max-old-space-size=512'] }))).toBeNull();
    expect(jsonlRestartArgv(start(jsonl, { nodeOptions: '--trace-warnings --max_semi_space_size=8' }))).toBeNull();
    expect(jsonlRestartArgv(start(jsonl, { nodeOptions: '--max-heap-size 1024' }))).toBeNull();
    expect(jsonlRestartArgv(start(jsonl, { nodeOptions: '--max-semi-space-sizes' }))).not.toBeNull();
  });
});

describe('the process that answers classify --jsonl', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** The heap size limit of a bare node started with `flags`: it counts the young generation's ceiling. */
  const heapLimitWith = (flags: readonly string[]): number =>
    Number(
      spawnSync(process.execPath, [...flags, '-p', 'require("node:v8").getHeapStatistics().heap_size_limit'])
        .stdout.toString()
        .trim(),
    );

  const runRecorded = async (args: string[], input: string) => {
    dir = mkdtempSync(join(tmpdir(), 'quadrant-heap-'));
    const log = join(dir, 'heap.jsonl');
    const child = spawn(process.execPath, cliArgs(args, ['--import', join(ROOT, 'test/support/record-heap.mjs')]), {
      env: { PATH: process.env.PATH, QUADRANT_TEST_HEAP_LOG: log },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stdin.end(input);
    const [code] = (await once(child, 'exit')) as [number | null];
    const records = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { pid: number; heapSizeLimit: number });
    return { code, pid: child.pid, stdout: Buffer.concat(out).toString('utf8'), records };
  };

  it('is the started process itself, with a young generation no larger than the flags allow', async () => {
    const input = `${JSON.stringify({ id: 'a', text: 'SME, lowest rate, fast approval' })}\n`;
    const { code, pid, stdout, records } = await runRecorded(['classify', '--jsonl'], input);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'a', type: 'transactional' });
    expect(records).toEqual([{ pid, heapSizeLimit: heapLimitWith(JSONL_NODE_FLAGS) }]);
  });

  it('keeps Node defaults for a single classification', async () => {
    const { code, pid, records } = await runRecorded(['classify', '--json', '-'], 'SME, lowest rate, fast approval');
    expect(code).toBe(0);
    expect(records).toEqual([{ pid, heapSizeLimit: heapLimitWith([]) }]);
  });
});
