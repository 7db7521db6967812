import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, SHORTCUTS } from '../../handlers/ids.js';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));
const handlersIndex = readFileSync(new URL('../../handlers/index.ts', import.meta.url), 'utf8');

describe('manifest.json', () => {
  it('declares exactly the slash commands and shortcuts the app handles', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command).sort()).toEqual(
      Object.values(COMMANDS).sort(),
    );
    expect(manifest.features.shortcuts.map((s: { callback_id: string }) => s.callback_id)).toEqual(
      Object.values(SHORTCUTS),
    );
  });

  it('subscribes only to events that have a listener', () => {
    const listened = [...handlersIndex.matchAll(/app\.event\('([a-z_]+)'/g)].map((m) => m[1]);
    for (const event of manifest.settings.event_subscriptions.bot_events as string[]) {
      expect(listened).toContain(event === 'message.im' ? 'message' : event);
    }
  });

  it('asks for least-privilege bot scopes, has the agent view with at most four prompts, and Socket Mode on', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
        'app_mentions:read',
        'assistant:write',
        'channels:read',
        'chat:write',
        'commands',
        'groups:read',
        'im:history',
      ].sort(),
    );
    expect(manifest.oauth_config.scopes.bot).not.toContain('chat:write.public');
    expect(manifest.oauth_config.scopes.bot).not.toContain('channels:history');
    expect(manifest.features.agent_view.agent_description.length).toBeGreaterThan(0);
    expect(manifest.features.agent_view.suggested_prompts.length).toBeLessThanOrEqual(4);
    expect(manifest.features).not.toHaveProperty('assistant_view');
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
