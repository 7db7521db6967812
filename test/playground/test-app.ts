import type { Block, KnownBlock, View } from '@slack/types';
import { parseManifest } from '../../playground/app-manifest.js';
import type { PlaygroundSlackSettings } from '../../playground/index.js';
import { createSlackApp } from '../../src/slack/app.js';
import { createLogger } from '../../src/slack/logger.js';

/**
 * A small Bolt app of our own, so the playground's plumbing (signed events, commands,
 * interactivity, modals, response_url, streams, visibility) and the page's Block Kit renderer
 * are pinned independently of Quadrant's handlers. Real Bolt, real HTTP, real emulator.
 */
export const TEST_MANIFEST = parseManifest(
  JSON.stringify({
    features: { slash_commands: [{ command: '/echo', description: 'Echo', usage_hint: '[text]' }] },
    settings: { event_subscriptions: { bot_events: ['message.im', 'app_mention', 'app_home_opened'] } },
  }),
);

/** A promise the test resolves, so the app pauses at a known point without any timing. */
export type Gate = { wait: Promise<void>; open: () => void };
export const gate = (): Gate => {
  let open = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
};

export const LOADING_MESSAGES = ['Reading your notes…', 'Weighing the four types…'];

const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** Every block and element type the playground page claims to render. */
export const KITCHEN_SINK_BLOCKS: Array<KnownBlock | Block> = [
  { type: 'header', text: plain('Kitchen sink :white_check_mark:') },
  {
    type: 'section',
    text: { type: 'mrkdwn', text: '*Bold* _italic_ `code` <img src=x onerror=alert(1)> &lt;b&gt;' },
    fields: [
      { type: 'mrkdwn', text: '*Type*\nStrategic' },
      { type: 'plain_text', text: 'Confidence 82%' },
    ],
    accessory: {
      type: 'overflow',
      action_id: 'more',
      options: [{ text: plain('Full playbook'), value: 'playbook' }],
    },
  },
  { type: 'divider' },
  { type: 'context', elements: [{ type: 'mrkdwn', text: 'rules v1 · <@U0LIWEI>' }] },
  {
    type: 'actions',
    block_id: 'acts',
    elements: [
      { type: 'button', action_id: 'open_form', text: plain('Open form'), style: 'primary', value: 'v1' },
      {
        type: 'button',
        action_id: 'remove',
        text: plain('Remove'),
        style: 'danger',
        confirm: {
          title: plain('Sure?'),
          text: plain('This removes the card.'),
          confirm: plain('Remove it'),
          deny: plain('Keep'),
        },
      },
      {
        type: 'static_select',
        action_id: 'pick_type',
        placeholder: plain('Change type'),
        options: [
          { text: plain('Strategic'), value: 'strategic' },
          { text: plain('Partnership'), value: 'partnership' },
        ],
      },
      { type: 'conversations_select', action_id: 'share_to', placeholder: plain('Share to…') },
    ],
  },
];

const FORM_VIEW: View = {
  type: 'modal',
  callback_id: 'form',
  title: plain('Form'),
  submit: plain('Save'),
  close: plain('Cancel'),
  blocks: [
    {
      type: 'input',
      block_id: 'reason',
      label: plain('Reason'),
      hint: plain('At least 3 characters'),
      element: { type: 'plain_text_input', action_id: 'value', multiline: true },
    },
    {
      type: 'input',
      block_id: 'kind',
      label: plain('Type'),
      element: {
        type: 'static_select',
        action_id: 'value',
        options: [
          { text: plain('Strategic'), value: 'strategic' },
          { text: plain('Problem-solving'), value: 'problem_solving' },
        ],
      },
    },
  ],
};

type Options = { log?: (line: string) => void; streamGates?: [Gate, Gate] };

export const createTestApp = (s: PlaygroundSlackSettings, options: Options = {}) => {
  const slack = createSlackApp({
    mode: 'http',
    botToken: s.botToken,
    signingSecret: s.signingSecret,
    apiUrl: s.apiUrl,
    logger: createLogger('warn', options.log ?? (() => {})),
    retries: 0,
    bot: s.bot,
  });
  const { app } = slack;
  app.message(async ({ message, client }) => {
    if (message.subtype !== undefined || !('text' in message) || typeof message.text !== 'string') return;
    const thread = { channel: message.channel, thread_ts: message.ts };
    await client.assistant.threads.setStatus({
      channel_id: message.channel,
      thread_ts: message.ts,
      status: 'is thinking…',
      loading_messages: LOADING_MESSAGES,
    });
    if (message.text === 'sink') {
      await client.chat.postMessage({ ...thread, text: 'kitchen sink', blocks: KITCHEN_SINK_BLOCKS });
    } else if (message.text === 'stream') {
      const [first, second] = options.streamGates ?? [gate(), gate()];
      if (!options.streamGates) {
        first.open();
        second.open();
      }
      await first.wait;
      const started = await client.apiCall('chat.startStream', { ...thread, markdown_text: 'Hello ' });
      const ts = String((started as { ts?: string }).ts);
      await second.wait;
      await client.apiCall('chat.appendStream', { channel: message.channel, ts, markdown_text: '*world*' });
      await client.apiCall('chat.stopStream', { channel: message.channel, ts });
    } else {
      await client.chat.postMessage({
        ...thread,
        text: `heard: ${message.text}`,
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: `*heard* ${message.text}` } },
          { type: 'actions', elements: [{ type: 'button', action_id: 'open_form', text: plain('Open form') }] },
        ],
      });
    }
    await client.assistant.threads.setStatus({ channel_id: message.channel, thread_ts: message.ts, status: '' });
  });
  app.event('app_mention', async ({ event, client }) => {
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: `hi <@${event.user}>` });
  });
  app.command('/echo', async ({ ack, command, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: `echo: ${command.text}` });
  });
  app.action('open_form', async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: (body as { trigger_id: string }).trigger_id, view: FORM_VIEW });
  });
  app.action('pick_type', async ({ ack, body, client }) => {
    await ack();
    const b = body as {
      channel?: { id: string };
      message?: { ts: string };
      actions: Array<{ selected_option?: { value: string } }>;
    };
    await client.chat.update({
      channel: b.channel?.id ?? '',
      ts: b.message?.ts ?? '',
      text: `picked ${b.actions[0]?.selected_option?.value}`,
    });
  });
  app.action('share_to', async ({ ack, body, client }) => {
    await ack();
    const b = body as { user: { id: string }; actions: Array<{ selected_conversation?: string }> };
    await client.chat.postMessage({
      channel: b.actions[0]?.selected_conversation ?? '',
      text: `shared by <@${b.user.id}>`,
    });
  });
  app.action('remove', async ({ ack, respond }) => {
    await ack();
    await respond({ delete_original: true });
  });
  app.view('form', async ({ ack, view, body, client }) => {
    const reason = view.state.values.reason?.value?.value ?? '';
    const kind = view.state.values.kind?.value?.selected_option?.value ?? 'none';
    if (reason.length < 3) {
      await ack({ response_action: 'errors', errors: { reason: 'Too short' } });
      return;
    }
    await ack();
    await client.chat.postMessage({ channel: body.user.id, text: `saved: ${reason} (${kind})` });
  });
  app.event('app_home_opened', async ({ event, client }) => {
    await client.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: [{ type: 'header', text: plain('Home') }] },
    });
  });
  return slack;
};
