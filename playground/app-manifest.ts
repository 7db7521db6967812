import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * The parts of manifest.json the playground follows, so it behaves like a workspace where the
 * app was created from that manifest: the slash commands offered in the message box, the message
 * shortcuts in each message's menu, and the bot events delivered to the app.
 */
export type AppManifest = {
  commands: Array<{ command: string; description: string; usageHint: string }>;
  /** Message shortcuts, offered in each message's "More actions" menu. */
  messageShortcuts: Array<{ name: string; callbackId: string }>;
  botEvents: Set<string>;
};

const manifestSchema = z.object({
  features: z
    .object({
      slash_commands: z
        .array(
          z.object({ command: z.string(), description: z.string().default(''), usage_hint: z.string().default('') }),
        )
        .default([]),
      shortcuts: z
        .array(z.object({ name: z.string(), type: z.enum(['message', 'global']), callback_id: z.string() }))
        .default([]),
    })
    .default({ slash_commands: [], shortcuts: [] }),
  settings: z
    .object({ event_subscriptions: z.object({ bot_events: z.array(z.string()).default([]) }).optional() })
    .default({}),
});

/** Events a chat app needs, used when manifest.json is missing or subscribes to nothing. */
const FALLBACK_EVENTS = ['app_home_opened', 'app_mention', 'message.im'];

/** Parses manifest.json text; bad or missing content falls back to a sensible chat app. */
export const parseManifest = (text: string | undefined): AppManifest => {
  let raw: unknown;
  try {
    raw = text === undefined ? {} : JSON.parse(text);
  } catch {
    raw = {};
  }
  const parsed = manifestSchema.safeParse(raw);
  const data = parsed.success ? parsed.data : { features: { slash_commands: [], shortcuts: [] }, settings: {} };
  const events = data.settings.event_subscriptions?.bot_events ?? [];
  return {
    commands: data.features.slash_commands.map((c) => ({
      command: c.command,
      description: c.description,
      usageHint: c.usage_hint,
    })),
    messageShortcuts: data.features.shortcuts
      .filter((shortcut) => shortcut.type === 'message')
      .map((shortcut) => ({ name: shortcut.name, callbackId: shortcut.callback_id })),
    botEvents: new Set(events.length > 0 ? events : FALLBACK_EVENTS),
  };
};

/** Reads the repository's manifest.json (or another file). */
export const loadManifest = async (path: URL | string = new URL('../manifest.json', import.meta.url)) => {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  return parseManifest(text);
};
