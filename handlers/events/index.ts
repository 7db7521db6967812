/**
 * handlers/events owns the Events API listeners: mentions in channels, DMs in the messages tab,
 * and App Home opened.
 */
export {};
