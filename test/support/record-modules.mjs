// Preload (`node --import ./test/support/record-modules.mjs …`): appends the URL of every module the
// process loads to the file named by QUADRANT_TEST_MODULE_LOG, so a test can see what a mode loads.
import { register } from 'node:module';

register('./record-modules-hooks.mjs', import.meta.url);
