/** The loopback fake Slack Web API and signed-request helpers the tests use; the emulator is the real thing. */
export * from '../../playground/emulator/signed-requests.js';
export * from '../../playground/emulator/web-api.js';
