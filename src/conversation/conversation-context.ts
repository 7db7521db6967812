// The context the conversation's jobs share (deps, clock, viewer, language, recommendation facts)
// and the thread helpers they all use.
import { normalizeClientId } from '../domain/client-id.js';
import { writtenLang } from '../domain/lang.js';
import { emptyProfile } from '../domain/profile.js';
import type { Lang } from '../domain/types.js';
import type { ThreadState, Viewer } from '../store/ports.js';
import { type CardView, MAX_CARDS_PER_THREAD, parseCard } from './card.js';
import type { RecommendationFacts } from './card-assembly.js';
import { type ConversationDeps, ConversationError } from './contract.js';
import { resolveLang } from './language.js';

/** The shared deps every job of the conversation is built from. */
export type ConversationContext = {
  deps: ConversationDeps;
  now: () => Date;
  viewer: (userId: string, teamId: string) => Viewer;
  langFor: (userId: string, text: string) => Promise<Lang>;
  recommendationFacts: (clientName: string, userId: string, teamId: string) => Promise<RecommendationFacts>;
};

export const createConversationContext = (deps: ConversationDeps): ConversationContext => {
  const now = deps.now ?? (() => new Date());
  const viewer = (userId: string, teamId: string): Viewer => ({
    userId,
    teamId,
    isAdmin: deps.admins.includes(userId),
  });

  const langFor = async (userId: string, text: string): Promise<Lang> => {
    const settings = await deps.state.getUserSettings(userId);
    const written = writtenLang(text);
    if (settings.lang === 'auto' && written !== undefined && written !== settings.lastLang) {
      // Remembered for the surfaces with no text of their own; a failed write only costs that memory.
      await deps.state.setUserSettings(userId, { ...settings, lastLang: written }).catch(() => undefined);
    }
    return resolveLang(settings, text);
  };

  const recommendationFacts = async (clientName: string, userId: string, teamId: string) => {
    const [cycle, history] = await Promise.all([
      deps.state.getWorkspaceSettings(teamId).then((s) => s.cycle),
      deps.decisions.history(normalizeClientId(clientName), viewer(userId, teamId)),
    ]);
    return { cycle, previousType: history.at(-1)?.type ?? null } satisfies RecommendationFacts;
  };
  return { deps, now, viewer, langFor, recommendationFacts };
};

export const newThread = (lang: Lang, now: Date): ThreadState => ({
  profile: emptyProfile(),
  turns: [],
  followUpsAsked: 0,
  lang,
  updatedAt: now.toISOString(),
});

export const description = (thread: ThreadState): string =>
  thread.turns
    .filter((turn) => turn.role === 'rm')
    .map((turn) => turn.text)
    .join('\n');

/** Keeps the newest cards only, so a long thread's state stays small. */
export const withCard = (thread: ThreadState, card: CardView): ThreadState => {
  const cards = Object.entries(thread.cards ?? {}).slice(-(MAX_CARDS_PER_THREAD - 1));
  return { ...thread, cards: Object.fromEntries([...cards.filter(([id]) => id !== card.id), [card.id, card]]) };
};

/** The thread and one of its cards; a card no longer in the thread is stale. */
export const loadCard = async (ctx: ConversationContext, threadKey: string, cardId: string) => {
  const thread = await ctx.deps.state.getThread(threadKey);
  const card = parseCard(thread?.cards?.[cardId]);
  if (!thread || !card) throw new ConversationError('stale_card', `card ${cardId} is gone`);
  return { thread, card };
};
