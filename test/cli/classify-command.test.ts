import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runQuadrant } from '../support/cli-io.js';

const distressedSoe = '某AAA央企集团,合作十年的老客户,但最近刚刚出现一笔利息逾期,资金链紧张。';

describe('quadrant classify', () => {
  it('prints a readable card with type, confidence, evidence and actions', async () => {
    const { code, stdout } = await runQuadrant(['classify', distressedSoe]);
    expect(code).toBe(0);
    expect(stdout).toContain('问题解决型');
    expect(stdout).toMatch(/置信度: \d+%/);
    expect(stdout).toContain('依据');
    expect(stdout).toContain('[problem_solving.');
    expect(stdout).toContain('仅规则');
    expect(stdout).not.toContain('\u001b[');
  });

  it('colours the card only on a terminal', async () => {
    const { stdout } = await runQuadrant(['classify', 'SME wants the cheapest rate and fast approval'], { tty: true });
    expect(stdout).toContain('\u001b[');
  });

  it('prints one JSON object with --json, with evidence offsets into the input', async () => {
    const { code, stdout } = await runQuadrant(['classify', '--json', distressedSoe]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.type).toBe('problem_solving');
    expect(result.secondary).toBe('strategic');
    expect(result.source).toBe('rules');
    expect(result.actions.length).toBeGreaterThanOrEqual(3);
    for (const s of result.signals) expect(distressedSoe.slice(s.start, s.end)).toBe(s.text);
  });

  it('reads the description from stdin with "-"', async () => {
    const { code, stdout } = await runQuadrant(['classify', '--json', '-'], {
      stdin: 'Family business, loyal for three generations, loves our client salons.',
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).type).toBe('partnership');
  });

  it('exits 2 with a clear message on a missing argument or an unknown flag', async () => {
    const missing = await runQuadrant(['classify']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing the client description');
    const unknown = await runQuadrant(['classify', '--jsno', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--jsno'/);
    const command = await runQuadrant(['classfy']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "classfy"');
  });

  it('fails at start with one line naming a malformed QUADRANT_PLAYBOOK', async () => {
    const { code, stderr } = await runQuadrant(['classify', 'x'], {
      env: { QUADRANT_PLAYBOOK: '/nonexistent/p.json' },
    });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('quadrant: /nonexistent/p.json: file not found');
  });
});

describe('quadrant classify --jsonl', () => {
  it('writes one line per input line, in order, with errors in place and exit status 2', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Small startup, wants the fastest approval and the lowest rate.' }),
      '{not json',
      JSON.stringify({ id: 'c', text: 42 }),
      JSON.stringify({ id: 7, text: '客户资金链断裂,两笔贷款逾期,急需纾困。' }),
    ].join('\n');
    const { code, stdout } = await runQuadrant(['classify', '--jsonl'], { stdin: input });
    expect(code).toBe(2);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'a', type: 'transactional', source: 'rules' });
    expect(Object.keys(lines[0])).toEqual(
      expect.arrayContaining(['id', 'type', 'confidence', 'secondary', 'signals', 'source']),
    );
    expect(lines[1]).toEqual({ id: null, error: 'line 2: not valid JSON' });
    expect(lines[2]).toMatchObject({ id: 'c' });
    expect(lines[2].error).toMatch(/text/);
    expect(lines[3]).toMatchObject({ id: 7, type: 'problem_solving' });
  });

  it('exits 0 when every line is good', async () => {
    const { code } = await runQuadrant(['classify', '--jsonl'], {
      stdin: `${JSON.stringify({ id: 'x', text: 'SOE, AAA, lead arranger on five projects' })}\n`,
    });
    expect(code).toBe(0);
  });

  it('streams: answers come out while input is still arriving', async () => {
    let produced = 0;
    let outputSeenBeforeEnd = false;
    const total = 5000;
    const stdin = new Readable({
      read() {
        if (produced === total) {
          this.push(null);
          return;
        }
        produced += 1;
        this.push(`${JSON.stringify({ id: produced, text: '小微企业,只看利率和放款速度。' })}\n`);
      },
    });
    const { PassThrough } = await import('node:stream');
    const { runCli } = await import('../../src/cli/main.js');
    const stdout = new PassThrough();
    let lines = 0;
    stdout.on('data', (chunk: Buffer) => {
      lines += chunk.toString().split('\n').length - 1;
      if (produced < total) outputSeenBeforeEnd = true;
    });
    const code = await runCli(['classify', '--jsonl'], { stdin, stdout, stderr: new PassThrough(), env: {} });
    expect(code).toBe(0);
    expect(lines).toBe(total);
    expect(outputSeenBeforeEnd).toBe(true);
  });
});
