import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionIds, buildPlaybook, defaultPlaybook } from '../../src/domain/playbook.js';
import { describeLlmSetup } from '../../src/llm/notices.js';
import {
  loadPromptSet,
  PromptFileError,
  parsePromptFile,
  promptVersion,
  renderSystemPrompt,
  renderUserMessage,
} from '../../src/llm/prompt.js';
import { buildAssessmentSchema } from '../../src/llm/schema.js';
import { llmConfig } from './helpers.js';

describe('prompt files', () => {
  it('carry an id and a version that end up in the recorded prompt version', () => {
    const set = loadPromptSet();
    expect(set.system.id).toBe('classify-system');
    expect(promptVersion(set, 'json_schema')).toBe(
      `classify-system@${set.system.version}+classify-examples@${set.examples.version}`,
    );
    expect(promptVersion(set, 'json_object')).toContain(`classify-output@${set.output.version}`);
  });

  it('reject a file without front matter or without a version', () => {
    expect(() => parsePromptFile('no header', 'x.md')).toThrow(PromptFileError);
    expect(() => parsePromptFile('---\nid: a\n---\nbody', 'x.md')).toThrow(/id and version/);
  });

  it('name the missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-prompts-'));
    writeFileSync(join(dir, 'classify-system.md'), '---\nid: s\nversion: 1\n---\nbody');
    expect(() => loadPromptSet(dir)).toThrow(/classify-examples\.md: cannot read/);
  });

  it('render every type and action of the playbook in both languages', () => {
    const playbook = defaultPlaybook();
    const system = renderSystemPrompt(loadPromptSet(), playbook, 'json_schema');
    for (const type of playbook.types) {
      expect(system).toContain(`${type.id} | ${type.shortName.zh} / ${type.shortName.en}`);
    }
    for (const id of actionIds(playbook)) expect(system).toContain(`- ${id}: `);
    expect(system).not.toContain('{{');
    expect(system).not.toContain('Reply with one JSON object');
  });

  it('follow a bank playbook: its new action is in the prompt and in the schema enum', () => {
    const playbook = buildPlaybook({
      mode: 'extend',
      version: 'bank.1',
      types: [
        {
          id: 'strategic',
          actions: [
            {
              id: 'strategic.green-desk',
              title: { zh: '绿色金融专席', en: 'Green finance desk' },
              howTo: { zh: '安排绿色金融专家', en: 'Assign a green finance specialist' },
            },
          ],
        },
      ],
    });
    expect(renderSystemPrompt(loadPromptSet(), playbook, 'json_schema')).toContain(
      '- strategic.green-desk: 绿色金融专席 / Green finance desk',
    );
    const schema = buildAssessmentSchema(playbook);
    expect(schema.shape.actionIds.element.options).toContain('strategic.green-desk');
  });
});

describe('renderUserMessage', () => {
  it('keeps the tail of a long thread when a profile carries the older turns', () => {
    const text = `OLD ${'x'.repeat(5000)} NEWEST`;
    const { content, truncated } = renderUserMessage({
      description: text,
      profile: { needs: [{ value: 'loan', quote: 'loan' }], priorities: [], distress: [], loyalty: [] },
      lang: 'en',
    });
    const payload = JSON.parse(content);
    expect(truncated).toBe(true);
    expect(payload.description.endsWith('NEWEST')).toBe(true);
    expect(payload.known_profile).toEqual({ needs: ['loan'] });
  });
});

describe('describeLlmSetup', () => {
  it('says rules-only without a key', () => {
    const line = describeLlmSetup(llmConfig({ mode: 'off', apiKey: undefined }));
    expect(line.en).toBe('LLM: off (no OPENAI_API_KEY); rules-only classification.');
    expect(line.zh).toContain('仅按规则');
  });

  it('shows model, host and mode but never the key or URL credentials', () => {
    const line = describeLlmSetup(
      llmConfig({
        apiKey: 'sk-secret-123',
        baseUrl: 'https://user:pw@llm.bank.internal/v1?key=abc',
        mode: 'when-uncertain',
      }),
    );
    expect(line.en).toContain('fake-model @ llm.bank.internal');
    expect(line.en).toContain("when the rules' confidence is under 0.6");
    for (const secret of ['sk-secret-123', 'pw', 'abc']) {
      expect(line.en).not.toContain(secret);
      expect(line.zh).not.toContain(secret);
    }
  });
});
