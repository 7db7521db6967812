import { describe, expect, it } from 'vitest';
import { messages } from '../../src/domain/messages/messages.js';
import { canSee, defaultVisibility } from '../../src/store/visibility.js';

describe('visibility', () => {
  it('makes decisions in DMs and private channels private by default', () => {
    expect(defaultVisibility({ channelType: 'im' })).toBe('private');
    expect(defaultVisibility({ channelType: 'mpim' })).toBe('private');
    expect(defaultVisibility({ channelType: 'group' })).toBe('private');
    expect(defaultVisibility({ channelType: 'channel', isPrivate: true })).toBe('private');
    expect(defaultVisibility({ channelType: 'channel' })).toBe('team');
    expect(defaultVisibility({})).toBe('team');
  });

  it('reads the conversation id and the conversations.info flags the Slack handlers pass', () => {
    expect(defaultVisibility({ id: 'D0123' })).toBe('private');
    expect(defaultVisibility({ id: 'G0123' })).toBe('private');
    expect(defaultVisibility({ id: 'C0123' })).toBe('team');
    expect(defaultVisibility({ id: 'C0123', isIm: true })).toBe('private');
    expect(defaultVisibility({ id: 'C0123', isMpim: true })).toBe('private');
    expect(defaultVisibility({ id: 'C0123', isPrivate: false, isIm: false, isMpim: false })).toBe('team');
  });

  it('lets admins from QUADRANT_ADMINS read private decisions of others', () => {
    const secret = { visibility: 'private' as const, userId: 'U1', teamId: 'T1' };
    expect(canSee(secret, { userId: 'U2', teamId: 'T1', isAdmin: false }, [])).toBe(false);
    expect(canSee(secret, { userId: 'U2', teamId: 'T1', isAdmin: false }, ['U2'])).toBe(true);
  });

  it('has a user-facing message in both languages for every store error', () => {
    for (const code of ['store_unavailable', 'store_conflict', 'store_invalid', 'store_forbidden'] as const) {
      expect(messages('zh').storeErrors[code]).toMatch(/\p{Script=Han}/u);
      expect(messages('en').storeErrors[code]).toMatch(/[a-z]/);
    }
  });
});
