/**
 * src/lib owns small, generic helpers with no knowledge of the product (timers, HTTP replies).
 * It imports only Node built-ins; every other folder may import it.
 */
export { sendJson } from './http.js';
export { sleep } from './sleep.js';
