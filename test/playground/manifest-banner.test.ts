import { describe, expect, it } from 'vitest';
import { loadManifest, parseManifest } from '../../playground/app-manifest.js';
import { maskStoreUrl, playgroundBanner } from '../../playground/banner.js';

describe('parseManifest', () => {
  it('reads commands, message shortcuts and bot events', () => {
    const manifest = parseManifest(
      JSON.stringify({
        features: {
          slash_commands: [{ command: '/x', description: 'Does x', usage_hint: '[y]' }],
          shortcuts: [
            { name: 'Classify', type: 'message', callback_id: 'classify' },
            { name: 'Global', type: 'global', callback_id: 'global' },
          ],
        },
        settings: { event_subscriptions: { bot_events: ['message.im'] } },
      }),
    );
    expect(manifest.commands).toEqual([{ command: '/x', description: 'Does x', usageHint: '[y]' }]);
    expect(manifest.messageShortcuts).toEqual([{ name: 'Classify', callbackId: 'classify' }]);
    expect([...manifest.botEvents]).toEqual(['message.im']);
  });

  it('falls back to a plain chat app when the file is missing or broken', () => {
    for (const text of [undefined, '{not json', '{"features": 3}']) {
      const manifest = parseManifest(text);
      expect(manifest.commands).toEqual([]);
      expect(manifest.botEvents.has('message.im')).toBe(true);
      expect(manifest.botEvents.has('app_home_opened')).toBe(true);
    }
  });

  it("follows the repository's manifest.json", async () => {
    const manifest = await loadManifest();
    expect(manifest.commands.map((c) => c.command)).toContain('/playbook');
    expect(manifest.messageShortcuts.map((s) => s.callbackId)).toContain('classify_message');
  });
});

describe('playground banner', () => {
  it('hides a store password', () => {
    expect(maskStoreUrl('postgres://quadrant:s3cret@db:5432/q')).toBe('postgres://quadrant:***@db:5432/q');
    expect(maskStoreUrl('redis://:s3cret@cache:6379')).toBe('redis://:***@cache:6379');
    expect(maskStoreUrl('sqlite://./data/quadrant.db')).toBe('sqlite://./data/quadrant.db');
  });

  it('names the LLM model when one is configured', () => {
    const text = playgroundBanner({ port: 3000, host: '127.0.0.1', storeUrl: 'redis://:pw@x:1', llm: 'gpt-4o-mini' });
    expect(text).toContain('open http://localhost:3000');
    expect(text).toContain('rules + LLM (gpt-4o-mini)');
    expect(text).not.toContain(':pw@');
  });
});
