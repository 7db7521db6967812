/**
 * src/slack owns the Slack side of the app: the Bolt app and its receivers, the Web API
 * transport, rate limits, failure messages and Slack text escaping.
 *
 * May import: src/slack, src/domain, src/lib, src/store; packages.
 */
export {};
