/**
 * src/store owns the decision log and the conversation state behind the ports in ports.ts:
 * SQLite, PostgreSQL (one SQL decision log over a dialect) and Redis, each split into a decision
 * log and claims, with threads and settings through keyv.
 *
 * May import: src/store, src/domain, src/lib, src/config.ts; packages.
 */
export {};
