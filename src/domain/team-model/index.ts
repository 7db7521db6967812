/**
 * src/domain/team-model owns the model a workspace learns from its own decisions: features of a
 * note in both languages, a weighted naive Bayes started from the seed article, how its opinion
 * joins a classification, the similar past decisions it shows, and the learning-curve simulation
 * that measures it. Pure; imports follow src/domain's rule.
 */
export {};
