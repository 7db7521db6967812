import { z } from 'zod';

/** Which card a button belongs to: the thread its state lives in and the card id. */
export type CardRef = { threadKey: string; cardId: string };

const refSchema = z.object({ k: z.string().min(1).max(300), c: z.string().min(1).max(40) });

export const encodeCardRef = (ref: CardRef): string => JSON.stringify({ k: ref.threadKey, c: ref.cardId });

/** Parses a button value or block id back into a card reference; undefined for anything else. */
export const decodeCardRef = (value: string | undefined): CardRef | undefined => {
  if (value === undefined) return undefined;
  try {
    const parsed = refSchema.safeParse(JSON.parse(value));
    return parsed.success ? { threadKey: parsed.data.k, cardId: parsed.data.c } : undefined;
  } catch {
    return undefined;
  }
};
