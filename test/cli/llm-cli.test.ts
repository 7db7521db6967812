import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeOpenAi, fakeAssessment, startFakeOpenAi } from '../fakes/openai-server.js';
import { runQuadrant } from '../support/cli-io.js';

let fake: FakeOpenAi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const envFor = (f: FakeOpenAi) => ({ OPENAI_API_KEY: f.apiKey, OPENAI_BASE_URL: f.url, OPENAI_MODEL: 'fake-model' });

describe('the CLI with an LLM configured', () => {
  it('classify --jsonl reports source "hybrid" and sends redacted text', async () => {
    fake = await startFakeOpenAi({
      script: { kind: 'ok', content: fakeAssessment({ type: 'transactional', confidence: 0.8 }) },
    });
    const line = JSON.stringify({
      id: 'p1',
      text: 'Small shop owner, phone 13912345678, wants the cheapest rate fast.',
    });
    const { code, stdout } = await runQuadrant(['classify', '--jsonl'], { stdin: line, env: envFor(fake) });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'p1', type: 'transactional', source: 'hybrid' });
    expect(JSON.stringify(fake.requests[0]?.body)).not.toContain('13912345678');
  });

  it('classify falls back to rules with a notice when the endpoint fails', async () => {
    fake = await startFakeOpenAi({ script: { kind: 'server_error', status: 500 } });
    const { code, stdout } = await runQuadrant(['classify', '--json', '两笔贷款逾期,资金链断裂'], {
      env: envFor(fake),
    });
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ type: 'problem_solving', source: 'rules', llm_unavailable: true });
  });

  it('eval --llm compares rules-only, LLM-only and hybrid', async () => {
    fake = await startFakeOpenAi({
      script: { kind: 'ok', content: fakeAssessment({ type: 'strategic', confidence: 0.7 }) },
    });
    const file = join(mkdtempSync(join(tmpdir(), 'quadrant-eval-llm-')), 'cases.jsonl');
    writeFileSync(
      file,
      [
        {
          id: '1',
          text: 'AAA state-owned group, lead arranger on five projects, wants a framework agreement.',
          label: 'strategic',
        },
        { id: '2', text: '小微企业,只看利率和放款速度。', label: 'transactional' },
      ]
        .map((c) => JSON.stringify(c))
        .join('\n'),
    );
    const { code, stdout } = await runQuadrant(['eval', '--llm', file], { env: envFor(fake) });
    expect(code).toBe(0);
    expect(stdout).toMatch(/rules-only\s+100\.0%/);
    expect(stdout).toMatch(/llm-only\s+50\.0%/);
    expect(stdout).toMatch(/hybrid/);
    expect(fake.requests).toHaveLength(2);
  });

  it('eval --llm without a key is a usage error naming OPENAI_API_KEY', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'quadrant-eval-llm-')), 'cases.jsonl');
    writeFileSync(file, JSON.stringify({ id: '1', text: 'x', label: 'strategic' }));
    const { code, stderr } = await runQuadrant(['eval', '--llm', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('OPENAI_API_KEY');
  });
});
