/**
 * playground/emulator owns the Slack emulator: a loopback Web API, response_url and Socket Mode
 * server that behaves like Slack, for the playground, the tests and the benches.
 *
 * May import: playground/emulator, src/domain, src/lib; packages.
 */
export {};
