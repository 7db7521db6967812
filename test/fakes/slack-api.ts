/** The loopback fake Slack Web API and signed-request helpers the tests use; the emulator is the real thing. */
export * from '../../src/emulator/signed-requests.js';
export * from '../../src/emulator/web-api.js';
