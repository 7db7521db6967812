import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { cleanTypedName } from '../../src/conversation/client-label.js';
import { messages } from '../../src/domain/messages/messages.js';
import type { HandlerDeps } from '../deps.js';
import { BLOCKS } from '../ids.js';
import { notifyUser } from '../support/card-target.js';
import { reportFailure } from '../support/failures.js';
import { redrawCard, targetFromMetadata } from '../support/redraw.js';
import { parseJsonOrNull } from '../support/slack-context.js';

const metadataSchema = z.object({
  threadKey: z.string().min(1),
  cardId: z.string().min(1),
  channel: z.string().optional(),
  messageTs: z.string().optional(),
  responseUrl: z.string().url().optional(),
});

/** The client-name modal: renames the card's client (its logged decisions follow) and redraws the card. */
export const makeEditClientSubmission =
  (deps: HandlerDeps) =>
  async ({ ack, view, body, client }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const meta = metadataSchema.safeParse(parseJsonOrNull(view.private_metadata));
    const typed = view.state.values[BLOCKS.clientName]?.[BLOCKS.clientNameInput]?.value ?? '';
    const card = meta.success
      ? await deps.conversation.getCard(meta.data.threadKey, meta.data.cardId).catch(() => undefined)
      : undefined;
    const lang = card?.lang ?? 'en';
    if (cleanTypedName(typed) === null) {
      await ack({ response_action: 'errors', errors: { [BLOCKS.clientName]: messages(lang).nameMissing } });
      return;
    }
    await ack();
    try {
      if (!meta.success) throw new Error('edit-client modal without valid metadata');
      const renamed = await deps.conversation.renameClient({ ...meta.data, name: typed });
      await redrawCard(deps, client, renamed, targetFromMetadata(meta.data));
    } catch (error) {
      const channel = meta.success ? meta.data.channel : undefined;
      const text = reportFailure(deps.logger, 'edit client submission', error, lang, channel);
      await notifyUser(client, body.user.id, text, channel ? { channel } : undefined).catch(() => undefined);
    }
  };
