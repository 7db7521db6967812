import { appMention, eventCallback, type SlackEmulator, slashCommand } from './slack-api.js';

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
