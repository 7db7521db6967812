/**
 * playground owns local mode: the Slack emulator, the browser page that plays a workspace, and
 * startPlayground below. Loaded only when no Slack variable is set.
 *
 * May import: playground, src, handlers; packages.
 */
import { randomBytes } from 'node:crypto';
import type { Config } from '../src/config.js';
import type { SlackApp } from '../src/slack/app.js';
import { type AppManifest, loadManifest } from './app-manifest.js';
import { playgroundBanner } from './banner.js';
import { createActionRouter } from './browser-actions.js';
import { type SlackEmulator, startSlackEmulator } from './emulator/web-api.js';
import { claimOpenedViews, createPlaygroundViews } from './modal-views.js';
import { startPageServer } from './page-server.js';
import { PERSONAS, PLAYGROUND_BOT, PLAYGROUND_TEAM, personaLabel, TEAM_CHANNEL } from './personas.js';
import { buildSnapshot } from './snapshot.js';

/** What the playground hands the app factory: a private Slack of its own. */
export type PlaygroundSlackSettings = {
  /** Generated per run; never printed. */
  signingSecret: string;
  /** A fake `xoxb-` token only the emulator accepts. */
  botToken: string;
  /** The emulator's Web API base URL (what SLACK_API_URL would be). */
  apiUrl: string;
  /** The bot identity, so the app skips `auth.test`. */
  bot: { userId: string; botId: string };
  /** QUADRANT_ADMINS plus the playground's team lead, for this session only. */
  admins: string[];
};

export type PlaygroundDeps = {
  config: Config;
  /**
   * Builds the real Bolt app in HTTP mode for these settings, with the handlers registered.
   * main.ts passes the same factory it uses for a real workspace, closing over the store,
   * classifier and playbook it built from config.
   */
  createApp: (settings: PlaygroundSlackSettings) => SlackApp | Promise<SlackApp>;
  /** The page's port; defaults to config.slack.port (PORT, 3000). 0 picks a free one. */
  port?: number;
  /** Defaults to 127.0.0.1 so the page and its data stay on this machine. */
  host?: string;
  manifest?: AppManifest;
  /** Terminal output (the banner); defaults to stdout. */
  print?: (text: string) => void;
  logError?: (message: string) => void;
};

export type Playground = {
  /** The page, e.g. http://127.0.0.1:3000. */
  url: string;
  port: number;
  /** The emulated Slack the app talks to (tests and benchmarks inspect it). */
  emulator: SlackEmulator;
  close(): Promise<void>;
};

/** The playground's people, each with a DM to the bot, and the team channel they share. */
const seedWorkspace = (emulator: SlackEmulator) => {
  for (const persona of PERSONAS) {
    emulator.addUser({ id: persona.id, name: persona.name, realName: persona.name, locale: 'zh-CN' });
    emulator.dmWith(persona.id);
  }
  emulator.addChannel({
    id: TEAM_CHANNEL.id,
    name: TEAM_CHANNEL.name,
    members: [...PERSONAS.map((p) => p.id), emulator.bot.userId],
  });
};

/** Every visible emulator change (not plain API calls) claims opened views and tells the page. */
const trackChanges = (emulator: SlackEmulator, views: ReturnType<typeof createPlaygroundViews>) => {
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of [...listeners]) listener();
  };
  const unsubscribe = emulator.onChange((event) => {
    if (event.kind === 'call') return;
    if (event.kind === 'view') claimOpenedViews(emulator, views);
    if (event.kind === 'view') views.versions.set(event.view.id, (views.versions.get(event.view.id) ?? 0) + 1);
    changed();
  });
  const onChange = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return { changed, onChange, unsubscribe };
};

/**
 * Runs the whole Slack experience locally: the Slack emulator's Web API, the real Bolt app in
 * HTTP mode pointed at it, and the page that drives both. One process, loopback only.
 */
export const startPlayground = async (deps: PlaygroundDeps): Promise<Playground> => {
  const signingSecret = randomBytes(24).toString('hex');
  const botToken = `xoxb-playground-${randomBytes(12).toString('hex')}`;
  const manifest = deps.manifest ?? (await loadManifest());
  const emulator = await startSlackEmulator({
    botToken,
    signingSecret,
    teamId: PLAYGROUND_TEAM.id,
    teamName: PLAYGROUND_TEAM.name,
    botUserId: PLAYGROUND_BOT.userId,
    botId: PLAYGROUND_BOT.botId,
  });
  const cleanups: Array<() => Promise<void>> = [() => emulator.close()];
  const closeAll = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    seedWorkspace(emulator);

    const admins = [...new Set([...deps.config.admins, ...PERSONAS.filter((p) => p.isAdmin).map((p) => p.id)])];
    const slackApp = await deps.createApp({
      signingSecret,
      botToken,
      apiUrl: emulator.apiUrl,
      bot: { userId: emulator.bot.userId, botId: emulator.bot.botId },
      admins,
    });
    const { port: appPort } = await slackApp.start({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => slackApp.stop());
    const appUrl = `http://127.0.0.1:${appPort}/slack/events`;

    const views = createPlaygroundViews();
    const { changed, onChange, unsubscribe } = trackChanges(emulator, views);
    cleanups.push(async () => unsubscribe());

    const act = createActionRouter({
      emulator,
      manifest,
      send: (request) => emulator.sendToApp(request, { url: appUrl, signingSecret }),
      views,
      changed,
    });
    const page = await startPageServer({
      port: deps.port ?? deps.config.slack.port,
      host: deps.host ?? '127.0.0.1',
      session: () => ({
        users: PERSONAS.map((p) => ({ id: p.id, label: personaLabel(p) })),
        commands: manifest.commands,
        messageShortcuts: manifest.messageShortcuts,
      }),
      snapshot: (persona) =>
        buildSnapshot(emulator, persona, { viewErrors: views.errors, viewVersions: views.versions }),
      act,
      onChange,
      ...(deps.logError ? { logError: deps.logError } : {}),
    });
    cleanups.push(() => page.close());

    const print = deps.print ?? ((text: string) => process.stdout.write(text));
    print(
      playgroundBanner({
        port: page.port,
        host: deps.host ?? '127.0.0.1',
        storeUrl: deps.config.store.url,
        llm: deps.config.llm.mode === 'off' ? null : deps.config.llm.model,
      }),
    );
    return { url: page.url, port: page.port, emulator, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
};
