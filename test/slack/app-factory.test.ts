import { describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/slack/app.js';
import { createLogger } from '../../src/slack/logger.js';

const logger = createLogger('error', () => undefined);

describe('createSlackApp', () => {
  it('builds a Socket Mode app without connecting, and needs its app token', () => {
    const built = createSlackApp({ mode: 'socket', botToken: 'xoxb-1', appToken: 'xapp-1', apiUrl: undefined, logger });
    expect(built.app).toBeDefined();
    expect(() => createSlackApp({ mode: 'socket', botToken: 'xoxb-1', apiUrl: undefined, logger })).toThrow(
      /SLACK_APP_TOKEN/,
    );
  });

  it('serves /healthz in HTTP mode on a free loopback port and needs a signing secret', async () => {
    const built = createSlackApp({
      mode: 'http',
      botToken: 'xoxb-1',
      signingSecret: 's',
      apiUrl: 'http://127.0.0.1:9/api/',
      logger,
      bot: { userId: 'UB', botId: 'BB' },
    });
    const { port } = await built.start({ port: 0, host: '127.0.0.1' });
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await response.text()).toBe('ok');
    } finally {
      await built.stop();
    }
    expect(() => createSlackApp({ mode: 'http', botToken: 'xoxb-1', apiUrl: undefined, logger })).toThrow(
      /SLACK_SIGNING_SECRET/,
    );
  });
});
