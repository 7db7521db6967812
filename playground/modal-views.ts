import { z } from 'zod';
import type { SlackEmulator } from './emulator/web-api.js';
import type { EmulatedView, Workspace } from './emulator/workspace.js';

/** The modal bookkeeping Slack does for a client: who a trigger belongs to, errors, versions. */
export type PlaygroundViews = {
  triggers: Map<string, string>;
  errors: Map<string, Record<string, string>>;
  versions: Map<string, number>;
};

export const createPlaygroundViews = (): PlaygroundViews => ({
  triggers: new Map(),
  errors: new Map(),
  versions: new Map(),
});

/** What a modal's ack may ask for (Slack's response_action). */
const viewAckSchema = z.object({
  response_action: z.enum(['errors', 'update', 'push', 'clear']).optional(),
  errors: z.record(z.string(), z.string()).optional(),
  view: z.record(z.string(), z.unknown()).optional(),
});

/** A view as an interaction payload carries it, with the page's state values. */
export const viewPayload = (view: EmulatedView, values: Record<string, unknown>, hash: string) => ({
  ...view.view,
  id: view.id,
  type: view.type,
  callback_id: typeof view.view.callback_id === 'string' ? view.view.callback_id : '',
  private_metadata: typeof view.view.private_metadata === 'string' ? view.view.private_metadata : '',
  root_view_id: view.rootViewId ?? view.id,
  hash,
  state: { values },
});

/** The hash Slack would send with a view; it changes with every update. */
export const viewHash = (views: PlaygroundViews, view: EmulatedView) =>
  `${view.id}-${views.versions.get(view.id) ?? 0}`;

export const closeView = (views: PlaygroundViews, view: EmulatedView) => {
  view.closed = true;
  views.errors.delete(view.id);
};

export const closeStack = (workspace: Workspace, views: PlaygroundViews, view: EmulatedView) => {
  const root = view.rootViewId ?? view.id;
  for (const other of workspace.views.values()) {
    if (other.user === view.user && (other.id === root || other.rootViewId === root)) closeView(views, other);
  }
};

/**
 * Applies a view_submission ack as Slack does: show field errors, update or push a view, clear
 * the stack, or (no response_action) close the submitted view.
 */
export const applyViewAck = (
  workspace: Workspace,
  views: PlaygroundViews,
  owner: string,
  view: EmulatedView,
  body: string,
) => {
  let ack: z.infer<typeof viewAckSchema> = {};
  if (body.trim() !== '') {
    try {
      const parsed = viewAckSchema.safeParse(JSON.parse(body));
      if (parsed.success) ack = parsed.data;
    } catch {
      // Not JSON: Slack treats any other 200 body as a plain ack.
    }
  }
  switch (ack.response_action) {
    case 'errors':
      views.errors.set(view.id, ack.errors ?? {});
      views.versions.set(view.id, (views.versions.get(view.id) ?? 0) + 1);
      return;
    case 'update':
      if (ack.view) view.view = ack.view;
      views.errors.delete(view.id);
      views.versions.set(view.id, (views.versions.get(view.id) ?? 0) + 1);
      return;
    case 'push':
      if (ack.view) {
        const pushed: EmulatedView = {
          id: workspace.nextId('V'),
          user: owner,
          type: 'modal',
          view: ack.view,
          rootViewId: view.rootViewId ?? view.id,
        };
        workspace.views.set(pushed.id, pushed);
      }
      return;
    case 'clear':
      closeStack(workspace, views, view);
      return;
    default:
      closeView(views, view);
  }
};

/**
 * Slack knows which user a modal belongs to from the trigger id it issued; the emulated
 * views.open cannot, so the playground fills the owner in from the trigger it handed out.
 */
export const claimOpenedViews = (emulator: SlackEmulator, views: PlaygroundViews) => {
  for (const view of emulator.workspace.views.values()) {
    if (view.type !== 'modal' || view.user !== 'unknown') continue;
    // The recorded call carries the very view object the emulator stored.
    const call = emulator.calls.findLast(
      (c) => (c.method === 'views.open' || c.method === 'views.push') && c.body.view === view.view,
    );
    const trigger = call?.body.trigger_id;
    const owner = typeof trigger === 'string' ? views.triggers.get(trigger) : undefined;
    if (owner) view.user = owner;
  }
};
