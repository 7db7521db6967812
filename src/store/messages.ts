import type { Lang } from '../domain/types.js';
import type { StoreErrorCode } from './ports.js';

const MESSAGES: Record<StoreErrorCode, { zh: string; en: string }> = {
  store_unavailable: {
    zh: '决策日志暂时无法写入或读取,本次操作没有记录。请稍后重试。',
    en: 'The decision log is unavailable right now, so this was not recorded. Please try again in a moment.',
  },
  store_conflict: {
    zh: '该记录与已有记录冲突,请刷新后重试。',
    en: 'This conflicts with an existing record; refresh and try again.',
  },
  store_invalid: {
    zh: '记录内容不完整或格式不正确,未保存。',
    en: 'The record is incomplete or malformed and was not saved.',
  },
  store_forbidden: {
    zh: '只有管理员(QUADRANT_ADMINS)可以执行此操作。',
    en: 'Only an admin listed in QUADRANT_ADMINS may do this.',
  },
};

/** The user-facing text for a store failure; the technical detail goes to the log, not the user. */
export const storeErrorMessage = (code: StoreErrorCode, lang: Lang): string => MESSAGES[code][lang];
