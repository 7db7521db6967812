import { QuadrantError } from '../src/domain/errors.js';
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

const MESSAGES: Record<PlaygroundErrorCode, Bilingual> = {
  bad_request: { en: 'That request was not understood.', zh: '无法识别该请求。' },
  unknown_user: { en: 'Pick who you are in the sidebar first.', zh: '请先在侧边栏选择你的身份。' },
  not_visible: { en: 'You are not in that conversation.', zh: '你不在这个对话中。' },
  empty_message: { en: 'Type a message first.', zh: '请先输入消息。' },
  message_too_long: { en: 'That message is too long (at most {max} characters).', zh: '消息太长(最多 {max} 个字符)。' },
  unknown_command: { en: '{command} is not a valid command.', zh: '{command} 不是有效的命令。' },
  message_gone: { en: 'That message no longer exists.', zh: '这条消息已不存在。' },
  view_gone: { en: 'That dialog is no longer open.', zh: '该对话框已关闭。' },
  app_unreachable: {
    en: 'Quadrant did not answer. Check the terminal for details.',
    zh: 'Quadrant 没有响应,详情请查看终端。',
  },
  app_error: {
    en: 'Quadrant answered with an error (HTTP {status}). Check the terminal for details.',
    zh: 'Quadrant 返回了错误(HTTP {status}),详情请查看终端。',
  },
  forbidden: { en: 'This page only accepts requests from itself.', zh: '此页面只接受来自自身的请求。' },
  not_found: { en: 'Not found.', zh: '未找到。' },
};

/** The bilingual text for an error, with its details filled in. */
export const describeError = (error: PlaygroundError): Bilingual => {
  const message = MESSAGES[error.code];
  return { en: fill(message.en, error.detail), zh: fill(message.zh, error.detail) };
};
