import { describe, expect, it } from 'vitest';
import { Workspace } from '../../playground/emulator/workspace.js';
import { applyViewAck, createPlaygroundViews } from '../../playground/modal-views.js';
import { topModal } from '../../playground/snapshot.js';

const setup = () => {
  const workspace = new Workspace();
  const views = createPlaygroundViews();
  const root = { id: 'V1', user: 'U1', type: 'modal' as const, view: { type: 'modal', title: 'Root' } };
  workspace.views.set(root.id, root);
  return { workspace, views, root };
};

describe('view_submission acks', () => {
  it('shows errors on the same view and bumps its version so the page redraws it', () => {
    const { workspace, views, root } = setup();
    applyViewAck(
      workspace,
      views,
      'U1',
      root,
      JSON.stringify({ response_action: 'errors', errors: { b: 'Required' } }),
    );
    expect(views.errors.get('V1')).toEqual({ b: 'Required' });
    expect(views.versions.get('V1')).toBe(1);
    expect(topModal(workspace.views.values(), 'U1')?.id).toBe('V1');
  });

  it('replaces the view on update and clears old errors', () => {
    const { workspace, views, root } = setup();
    views.errors.set('V1', { b: 'Required' });
    applyViewAck(workspace, views, 'U1', root, JSON.stringify({ response_action: 'update', view: { title: 'Next' } }));
    expect(root.view).toEqual({ title: 'Next' });
    expect(views.errors.has('V1')).toBe(false);
  });

  it('pushes a view on top of the stack, and a plain ack on it returns to the root', () => {
    const { workspace, views, root } = setup();
    applyViewAck(workspace, views, 'U1', root, JSON.stringify({ response_action: 'push', view: { title: 'Pushed' } }));
    const pushed = topModal(workspace.views.values(), 'U1');
    expect(pushed?.view).toEqual({ title: 'Pushed' });
    expect(pushed?.rootViewId).toBe('V1');
    if (!pushed) throw new Error('no pushed view');
    applyViewAck(workspace, views, 'U1', pushed, '');
    expect(topModal(workspace.views.values(), 'U1')?.id).toBe('V1');
  });

  it('closes the whole stack on clear, and treats a non-JSON body as a plain ack', () => {
    const { workspace, views, root } = setup();
    applyViewAck(workspace, views, 'U1', root, JSON.stringify({ response_action: 'push', view: { title: 'Pushed' } }));
    const pushed = topModal(workspace.views.values(), 'U1');
    if (!pushed) throw new Error('no pushed view');
    applyViewAck(workspace, views, 'U1', pushed, JSON.stringify({ response_action: 'clear' }));
    expect(topModal(workspace.views.values(), 'U1')).toBeUndefined();

    const other = setup();
    applyViewAck(other.workspace, other.views, 'U1', other.root, 'ok');
    expect(topModal(other.workspace.views.values(), 'U1')).toBeUndefined();
  });
});
