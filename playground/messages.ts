import { QuadrantError } from '../src/domain/errors.js';
import { bilingual } from '../src/domain/messages/messages.js';
import type { Bilingual } from '../src/domain/types.js';

/** Why the playground refused a browser action; shown on the page in the reader's language. */
export type PlaygroundErrorCode =
  | 'bad_request'
  | 'unknown_user'
  | 'not_visible'
  | 'empty_message'
  | 'message_too_long'
  | 'unknown_command'
  | 'message_gone'
  | 'view_gone'
  | 'app_unreachable'
  | 'app_error'
  | 'forbidden'
  | 'not_found';

export class PlaygroundError extends QuadrantError<PlaygroundErrorCode> {
  constructor(
    code: PlaygroundErrorCode,
    readonly detail: Record<string, string> = {},
  ) {
    super(code);
  }
}

const fill = (template: string, detail: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (match, key: string) => detail[key] ?? match);

/** The bilingual text for an error, with its details filled in. */
export const playgroundErrorText = (error: PlaygroundError): Bilingual =>
  bilingual((m) => fill(m.playgroundErrors[error.code], error.detail));
