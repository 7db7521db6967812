/**
 * src/domain owns the pure logic: types, the playbook, text normalization, the rules classifier,
 * the combiner, the recommender, redaction, the team model, and the message catalogue every surface
 * reads (messages/, pure data). No I/O, no clock, no environment.
 *
 * May import: src/domain; packages: zod, opencc-js.
 */
export {};
