/**
 * src/lib owns small, generic helpers with no knowledge of the product (timers, HTTP replies);
 * every other folder may import it.
 *
 * May import: src/lib; packages: node.
 */
export { sendJson } from './http.js';
export { sleep } from './sleep.js';
