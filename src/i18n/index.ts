/**
 * src/i18n owns every user-facing text: one catalogue per language (en.ts, zh.ts) that every
 * surface reads through messages.ts.
 *
 * May import: src/i18n, src/domain; packages: none.
 */
export {};
