/**
 * src/learning owns the team models at run time: building them from the decision log and
 * keeping them current as decisions are logged.
 *
 * May import: src/learning, src/domain, src/store; packages: none.
 */
export {};
