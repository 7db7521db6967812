/**
 * src/domain owns the pure logic: types, the playbook, text normalization, the rules classifier,
 * the combiner, the recommender, redaction and the team model. No I/O, no clock, no environment.
 *
 * May import: src/domain; packages: zod, opencc-js.
 */
export {};
