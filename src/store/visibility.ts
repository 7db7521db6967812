import type { Decision, Viewer, Visibility } from './ports.js';

/**
 * May this viewer read this decision? `team`: anyone in the decision's workspace. `private`: its
 * author. Admins (QUADRANT_ADMINS, or `viewer.isAdmin`) read everything: they answer for the log.
 */
export const canSee = (
  decision: Pick<Decision, 'visibility' | 'userId' | 'teamId'>,
  viewer: Viewer,
  admins: readonly string[],
): boolean => {
  if (viewer.isAdmin || admins.includes(viewer.userId)) return true;
  if (decision.visibility === 'private') return decision.userId === viewer.userId;
  return decision.teamId === viewer.teamId;
};

/** Slack conversation types whose content is not public to the workspace. */
const PRIVATE_CHANNEL_TYPES = new Set(['im', 'mpim', 'group', 'private_channel']);

/** DM (`D…`) and private-group (`G…`) conversation ids are private whatever else is known. */
const PRIVATE_ID = /^[DG]/;

/** What Slack tells about a conversation (event `channel_type`, `conversations.info` flags); any part may be missing. */
export type ChannelFacts = {
  id?: string | undefined;
  channelType?: string | undefined;
  isPrivate?: boolean | undefined;
  isIm?: boolean | undefined;
  isMpim?: boolean | undefined;
};

/**
 * The visibility a decision gets unless the RM chooses: private in a DM or a private channel,
 * team elsewhere.
 */
export const defaultVisibility = (channel: ChannelFacts): Visibility =>
  channel.isPrivate === true ||
  channel.isIm === true ||
  channel.isMpim === true ||
  (channel.channelType !== undefined && PRIVATE_CHANNEL_TYPES.has(channel.channelType)) ||
  (channel.id !== undefined && PRIVATE_ID.test(channel.id))
    ? 'private'
    : 'team';

/**
 * Marks type changes between consecutive decisions of one client, oldest first. Computed over
 * what the viewer can see, so a hidden private decision never leaks even its type.
 */
export const markTransitions = (oldestFirst: Decision[]): Decision[] => {
  const lastTypeByClient = new Map<string, Decision['type']>();
  return oldestFirst.map((decision) => {
    const previous = lastTypeByClient.get(decision.clientId);
    lastTypeByClient.set(decision.clientId, decision.type);
    const { transition: _stale, ...rest } = decision;
    return previous !== undefined && previous !== decision.type
      ? { ...rest, transition: { from: previous, to: decision.type } }
      : rest;
  });
};

/**
 * Marks transitions on a newest-first page that may start mid-history: each client's marks come
 * from its (visible) history, so the oldest row of the page still knows what came before it.
 */
export const withTransitionsFromHistory = async (
  newestFirst: Decision[],
  historyOf: (clientId: string) => Promise<Decision[]>,
): Promise<Decision[]> => {
  const marks = new Map<string, Decision['transition']>();
  for (const clientId of new Set(newestFirst.map((d) => d.clientId))) {
    for (const d of await historyOf(clientId)) if (d.transition) marks.set(d.id, d.transition);
  }
  return newestFirst.map((d) => {
    const { transition: _none, ...rest } = d;
    const mark = marks.get(d.id);
    return mark === undefined ? rest : { ...rest, transition: mark };
  });
};
