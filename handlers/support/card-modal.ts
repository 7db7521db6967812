import type { ButtonAction, StaticSelectAction, webApi } from '@slack/bolt';
import type { CardView } from '../../src/conversation/card.js';
import { type CardRef, decodeCardRef } from '../blocks/card-ref.js';
import type { ActionArgs, HandlerDeps } from '../deps.js';
import { type CardTarget, cardTargetOf, notifyUser } from './card-target.js';
import { reportFailure } from './failures.js';

/** The card a modal is about, with where it is shown and the action that asked for the modal. */
export type CardModalInput<A> = { ref: CardRef; card: CardView; target: CardTarget; action: A };

/**
 * A card control that opens a modal about the card (edit client, share, show evidence, change
 * type): ack, load the card its reference names, open the view; when the card is gone or the
 * view cannot open, the user is told why in the card's language. `view` may throw to refuse.
 */
export const makeCardModalAction =
  <A extends ButtonAction | StaticSelectAction>(
    deps: HandlerDeps,
    what: string,
    refOf: (action: A) => string | undefined,
    view: (input: CardModalInput<A>) => webApi.ViewsOpenArguments['view'],
  ) =>
  async ({ ack, body, action, client }: ActionArgs<A>) => {
    await ack();
    const ref = decodeCardRef(refOf(action));
    const target = cardTargetOf(body);
    const card = ref ? await deps.conversation.getCard(ref.threadKey, ref.cardId).catch(() => undefined) : undefined;
    try {
      if (!ref || !card) throw new Error(`${what} without a valid card`);
      await client.views.open({ trigger_id: body.trigger_id, view: view({ ref, card, target, action }) });
    } catch (error) {
      const text = reportFailure(deps.logger, what, error, card?.lang ?? 'en', target.channel);
      await notifyUser(client, body.user.id, text, target).catch(() => undefined);
    }
  };
