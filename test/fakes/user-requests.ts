import {
  appMention,
  blockActions,
  type ClickedElement,
  eventCallback,
  interaction,
  type SlackEmulator,
  slashCommand,
} from './slack-api.js';

/**
 * An RM's message in #CLOANS mentioning the app with a classifiable client, and the signed
 * `app_mention` event Slack sends for it: what the start-up suites deliver to a running app.
 */
export const clientMention = (slack: SlackEmulator) => {
  const root = slack.postAsUser({ channel: 'CLOANS', user: 'URM', text: 'x' });
  const event = appMention({
    user: 'URM',
    channel: 'CLOANS',
    text: `<@${slack.bot.userId}> Client: Huaneng Power. AAA-rated SOE, long-term framework.`,
    ts: root.ts,
  });
  return { root, request: eventCallback(event, { teamId: slack.team.id }) };
};

/** A slash command typed by `user` in `channel`, signed as Slack sends it, with a live response_url. */
export const slashCommandAs = (
  slack: SlackEmulator,
  teamId: string,
  f: { command: string; text: string; user: string; channel: string },
) =>
  slashCommand({
    command: f.command,
    text: f.text,
    userId: f.user,
    channelId: f.channel,
    teamId,
    responseUrl: slack.responseUrl({ channel: f.channel, user: f.user }),
  });

/** Where a clicked element sits: a message, or an ephemeral message by its id. */
export type ClickTarget = { channel: string; ts: string; ephemeralId?: string };

/** A click on an element of a message the workspace holds, signed as Slack sends it, with a live response_url. */
export const clickAs = (
  slack: SlackEmulator,
  teamId: string,
  user: string,
  action: ClickedElement,
  where: ClickTarget,
) => {
  const message = where.ephemeralId ? undefined : slack.workspace.findMessage(where.channel, where.ts);
  const ephemeral = where.ephemeralId ? slack.workspace.ephemerals.find((e) => e.id === where.ephemeralId) : undefined;
  const responseUrl = slack.responseUrl({
    channel: where.channel,
    user,
    ...(where.ephemeralId ? { ephemeralId: where.ephemeralId } : { messageTs: where.ts }),
  });
  return interaction(
    blockActions(
      { userId: user, teamId, responseUrl },
      {
        action,
        message: {
          channel: where.channel,
          ts: where.ts,
          ...(message?.threadTs ? { threadTs: message.threadTs } : {}),
          blocks: message?.blocks ?? ephemeral?.blocks ?? [],
          ephemeral: where.ephemeralId !== undefined,
        },
      },
    ),
  );
};
