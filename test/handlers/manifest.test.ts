import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
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
        'mpim:read',
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

/**
 * The constraints Slack's app manifest schema sets on the fields this app uses: known field names
 * only (a misspelled key fails app creation), the 4-prompt limit, and the documented lengths.
 */
const text = (max: number, min = 1) => z.string().min(min).max(max);
const prompt = z.strictObject({ title: text(75), message: text(2000) });
const command = z.strictObject({
  command: z.string().regex(/^\/[a-z0-9_-]{1,31}$/),
  description: text(2000),
  usage_hint: text(1000).optional(),
  should_escape: z.boolean().optional(),
  url: z.url().optional(),
});
const manifestSchema = z.strictObject({
  _metadata: z.strictObject({ major_version: z.number().int(), minor_version: z.number().int() }).optional(),
  display_information: z.strictObject({
    name: text(35),
    description: text(140).optional(),
    long_description: text(4000, 174).optional(),
    background_color: z
      .string()
      .regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/)
      .optional(),
  }),
  features: z.strictObject({
    app_home: z
      .strictObject({
        home_tab_enabled: z.boolean().optional(),
        messages_tab_enabled: z.boolean().optional(),
        messages_tab_read_only_enabled: z.boolean().optional(),
      })
      .optional(),
    bot_user: z.strictObject({ display_name: text(80), always_online: z.boolean().optional() }).optional(),
    agent_view: z
      .strictObject({ agent_description: text(4000), suggested_prompts: z.array(prompt).max(4).optional() })
      .optional(),
    slash_commands: z.array(command).max(50).optional(),
    shortcuts: z
      .array(
        z.strictObject({
          name: text(24),
          type: z.enum(['message', 'global']),
          callback_id: text(255),
          description: text(150),
        }),
      )
      .max(10)
      .optional(),
  }),
  oauth_config: z.strictObject({
    scopes: z.strictObject({ bot: z.array(z.string().regex(/^[a-z_.]+:?[a-z_.]*$/)).optional() }),
  }),
  settings: z.strictObject({
    event_subscriptions: z
      .strictObject({ request_url: z.url().optional(), bot_events: z.array(z.string()).max(100).optional() })
      .optional(),
    interactivity: z.strictObject({ is_enabled: z.boolean(), request_url: z.url().optional() }).optional(),
    org_deploy_enabled: z.boolean().optional(),
    socket_mode_enabled: z.boolean().optional(),
    token_rotation_enabled: z.boolean().optional(),
  }),
});

const httpManifest = JSON.parse(readFileSync(new URL('../../manifest.http.json', import.meta.url), 'utf8'));

describe('manifests against the schema constraints', () => {
  it.each([
    ['manifest.json', manifest],
    ['manifest.http.json', httpManifest],
  ])('%s has only known fields, at most four prompts and texts within the limits', (_name, m) => {
    const parsed = manifestSchema.safeParse(m);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('catches what Slack would refuse', () => {
    const fifth = { title: 'Fifth', message: 'x' };
    const tooMany = structuredClone(manifest);
    tooMany.features.agent_view.suggested_prompts.push(fifth);
    expect(manifestSchema.safeParse(tooMany).success).toBe(false);
    expect(manifestSchema.safeParse({ ...manifest, setting: {} }).success).toBe(false);
    const longName = structuredClone(manifest);
    longName.display_information.name = 'Q'.repeat(36);
    expect(manifestSchema.safeParse(longName).success).toBe(false);
  });

  it('follows the agent guidance: no assistant_thread_started, chat:write for status, group DMs readable', () => {
    expect(manifest.settings.event_subscriptions.bot_events).not.toContain('assistant_thread_started');
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['chat:write', 'mpim:read']));
  });

  it('the HTTP manifest is the Socket Mode one plus request URLs on events, interactivity and every command', () => {
    expect(httpManifest.settings.socket_mode_enabled).toBe(false);
    expect(httpManifest.settings.event_subscriptions.request_url).toMatch(/^https:\/\//);
    expect(httpManifest.settings.interactivity.request_url).toMatch(/^https:\/\//);
    for (const c of httpManifest.features.slash_commands) expect(c.url).toMatch(/^https:\/\//);
    expect(httpManifest.oauth_config).toEqual(manifest.oauth_config);
    expect(httpManifest.settings.event_subscriptions.bot_events).toEqual(
      manifest.settings.event_subscriptions.bot_events,
    );
  });
});
