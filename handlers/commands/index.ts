/**
 * handlers/commands owns the slash command listeners (/classify, /client, /playbook): ack at once,
 * answer through respond.
 */
export {};
