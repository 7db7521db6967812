/**
 * src/domain/messages owns every user-facing text: one catalogue per language (en.ts, zh.ts, the
 * same keys checked by the Messages type) and the accessors every surface uses (messages.ts).
 * Pure data, so the domain can phrase its own notices; imports follow src/domain's rule.
 */
export {};
