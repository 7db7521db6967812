/**
 * handlers/blocks owns the pure Block Kit builders: data in, KnownBlock lists and modal views out,
 * with Slack's limits applied by kit.ts; no Slack calls, so each is tested on its own.
 */
export {};
