/**
 * src/domain/text owns how the rules read a note: normalization (case, width, traditional →
 * simplified, invisible characters) with a map back to the original offsets, clause and sentence
 * boundaries, the term trie and matcher, and the scopes (negation, contrast, condition) that
 * discount a match. Pure; imports follow src/domain's rule.
 */
export {};
