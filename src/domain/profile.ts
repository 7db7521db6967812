/**
 * The client profile built from a conversation. The LLM extracts it with quoted spans;
 * a thread keeps the merged profile so follow-up turns refine the same client and long threads
 * stay within the LLM's budget.
 */

/** A fact with the words it came from, so the card can show evidence. */
export type ProfileFact = { value: string; quote: string };

export type ClientProfile = {
  clientName?: string;
  segment?: ProfileFact;
  size?: ProfileFact;
  rating?: ProfileFact;
  history?: ProfileFact;
  needs: ProfileFact[];
  priorities: ProfileFact[];
  distress: ProfileFact[];
  loyalty: ProfileFact[];
};

const SINGLE_FACTS = ['segment', 'size', 'rating', 'history'] as const;

const redactFact = (fact: ProfileFact, redact: (text: string) => string): ProfileFact => ({
  value: redact(fact.value),
  quote: redact(fact.quote),
});

/**
 * The profile with `redact` applied to every text in it, the client's name included: a profile
 * is sent to the LLM and written to the store, and both get the same redaction as the RM's text.
 */
export const redactProfile = (profile: ClientProfile, redact: (text: string) => string): ClientProfile => {
  const out: ClientProfile = {
    needs: profile.needs.map((f) => redactFact(f, redact)),
    priorities: profile.priorities.map((f) => redactFact(f, redact)),
    distress: profile.distress.map((f) => redactFact(f, redact)),
    loyalty: profile.loyalty.map((f) => redactFact(f, redact)),
  };
  if (profile.clientName !== undefined) out.clientName = redact(profile.clientName);
  for (const key of SINGLE_FACTS) {
    const fact = profile[key];
    if (fact !== undefined) out[key] = redactFact(fact, redact);
  }
  return out;
};

export const emptyProfile = (): ClientProfile => ({ needs: [], priorities: [], distress: [], loyalty: [] });

const mergeFacts = (older: ProfileFact[], newer: ProfileFact[]): ProfileFact[] => {
  const seen = new Set(older.map((f) => f.value.toLowerCase()));
  return [...older, ...newer.filter((f) => !seen.has(f.value.toLowerCase()))];
};

/** Newer single facts win (the RM corrected or updated them); list facts accumulate without duplicates. */
export const mergeProfiles = (older: ClientProfile, newer: ClientProfile): ClientProfile => {
  const merged: ClientProfile = {
    needs: mergeFacts(older.needs, newer.needs),
    priorities: mergeFacts(older.priorities, newer.priorities),
    distress: mergeFacts(older.distress, newer.distress),
    loyalty: mergeFacts(older.loyalty, newer.loyalty),
  };
  const clientName = newer.clientName ?? older.clientName;
  if (clientName !== undefined) merged.clientName = clientName;
  for (const key of SINGLE_FACTS) {
    const fact = newer[key] ?? older[key];
    if (fact !== undefined) merged[key] = fact;
  }
  return merged;
};
