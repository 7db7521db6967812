/** Types for mrkdwn.js, which the browser loads as-is (no build step) and the tests import. */
export type MrkdwnSpan = {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
  /** Epoch seconds of a <!date^…> token; `text` is its fallback. */
  date?: number;
  mention?: { kind: 'user' | 'channel' | 'special'; id: string; label?: string };
};
export type MrkdwnBlock = { kind: 'line' | 'quote'; spans: MrkdwnSpan[] } | { kind: 'pre'; text: string };

export declare const decodeEntities: (text: string) => string;
export declare const parseInline: (line: string, styles?: Partial<MrkdwnSpan>) => MrkdwnSpan[];
export declare const parseMrkdwn: (source: unknown) => MrkdwnBlock[];
