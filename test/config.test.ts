import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('falls back to embedded defaults: SQLite file, rules only, playground', () => {
    const config = loadConfig({});
    expect(config.store.url).toBe('sqlite://./data/quadrant.db');
    expect(config.llm.mode).toBe('off');
    expect(config.slack.mode).toBe('playground');
    expect(config.slack.port).toBe(3000);
    expect(config.store.stateTtlMs).toBe(7 * 86_400_000);
    expect(config.store.dedupeTtlMs).toBe(3_600_000);
  });

  it('picks Socket Mode with an app token and HTTP mode with a signing secret', () => {
    expect(loadConfig({ SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: 'xoxb-1' }).slack.mode).toBe('socket');
    expect(loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }).slack.mode).toBe('http');
  });

  it('turns the LLM on by default when a key is set, and honours the mode', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x' }).llm.mode).toBe('always');
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x', QUADRANT_LLM_MODE: 'when-uncertain' }).llm.mode).toBe('when-uncertain');
    expect(loadConfig({ QUADRANT_LLM_MODE: 'always' }).llm.mode).toBe('off');
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: expected a positive whole number/],
    [{ SLACK_BOT_TOKEN: 'xoxp-user' }, /^SLACK_BOT_TOKEN: expected a bot token/],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, /^SLACK_BOT_TOKEN: required when SLACK_APP_TOKEN is set/],
    [{ QUADRANT_STORE_URL: 'mysql://x' }, /^QUADRANT_STORE_URL: expected sqlite/],
    [{ QUADRANT_LLM_MODE: 'sometimes' }, /^QUADRANT_LLM_MODE: /],
    [{ QUADRANT_ADMINS: 'U1, alice' }, /^QUADRANT_ADMINS: expected comma-separated Slack user ids/],
    [{ QUADRANT_LLM_THRESHOLD: '2' }, /^QUADRANT_LLM_THRESHOLD: expected a number between 0 and 1/],
    [{ OPENAI_BASE_URL: 'ftp:x' }, /^OPENAI_BASE_URL: expected an http:\/\/ or https:\/\/ URL/],
    [{ OPENAI_BASE_URL: 'file:///etc/passwd' }, /^OPENAI_BASE_URL: expected an http/],
    [{ OPENAI_BASE_URL: 'javascript:alert(1)' }, /^OPENAI_BASE_URL: expected an http/],
    [{ SLACK_API_URL: 'ws://127.0.0.1:1/api/' }, /^SLACK_API_URL: expected an http/],
  ])('names the bad variable in one line: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    expect(() => loadConfig(env)).toThrowError(message);
  });

  it('accepts http and https endpoints for the model and the Web API', () => {
    expect(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1' }).llm.baseUrl).toBe('http://127.0.0.1:8080/v1');
    expect(loadConfig({ OPENAI_BASE_URL: 'https://llm.bank.example/v1' }).llm.baseUrl).toBe(
      'https://llm.bank.example/v1',
    );
  });

  it('never puts a secret into an error message', () => {
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'xoxp-very-secret-token' });
    } catch (error) {
      expect((error as Error).message).not.toContain('very-secret');
    }
    expect.assertions(1);
  });
});
