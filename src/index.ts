/**
 * src holds the product: the composition root (main.ts starts it, quadrant.ts wires it, config.ts is the
 * only reader of process.env) and one folder per layer below.
 *
 * May import: src, handlers, playground (the playground only by dynamic import, in local mode); packages.
 */
export {};
