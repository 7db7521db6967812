import { describe, expect, it } from 'vitest';
import { emptyProfile, redactProfile } from '../../src/domain/profile.js';
import { redact } from '../../src/domain/redact.js';
import { redactThread } from '../../src/store/backend.js';
import type { ThreadState } from '../../src/store/ports.js';

const PHONE = '13812345678';

const profileWithPhone = () => ({
  ...emptyProfile(),
  clientName: `Acme ${PHONE}`,
  rating: { value: 'AA', quote: `rated AA, call ${PHONE}` },
  needs: [{ value: 'hedging', quote: `hedging, mail cfo@acme.example` }],
});

describe('redactProfile', () => {
  it('redacts every text, the client name included', () => {
    const out = redactProfile(profileWithPhone(), redact);
    expect(out.clientName).toBe('Acme [REDACTED:phone]');
    expect(out.rating?.quote).toBe('rated AA, call [REDACTED:phone]');
    expect(out.needs[0]?.quote).toBe('hedging, mail [REDACTED:email]');
    expect(JSON.stringify(out)).not.toContain(PHONE);
  });

  it('is the redaction the store applies to a thread before writing it', () => {
    const state: ThreadState = {
      profile: profileWithPhone(),
      turns: [{ role: 'rm', text: `call ${PHONE}`, at: '2026-01-01T00:00:00.000Z' }],
      followUpsAsked: 0,
      lang: 'en',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const stored = redactThread(state, redact);
    expect(stored.profile).toEqual(redactProfile(profileWithPhone(), redact));
    expect(JSON.stringify(stored)).not.toContain(PHONE);
  });
});
