/** Every action_id, callback_id, block_id prefix and command name, in one place (manifest.json uses the same). */
export const ACTIONS = {
  confirm: 'card_confirm',
  changeType: 'card_change_type',
  share: 'card_share',
  fullPlaybook: 'card_full_playbook',
  followUpYes: 'followup_yes',
  followUpNo: 'followup_no',
  classifyNow: 'followup_classify_now',
  openType: 'playbook_open_type',
  homeLang: 'home_lang',
  homeCycle: 'home_cycle',
} as const;

export const VIEWS = {
  changeTypeReason: 'change_type_reason',
  shareCard: 'share_card',
  playbook: 'playbook_view',
} as const;

export const BLOCKS = {
  reason: 'reason',
  reasonInput: 'reason_input',
  shareChannel: 'share_channel',
  shareChannelInput: 'share_channel_input',
} as const;

export const COMMANDS = { playbook: '/playbook', classify: '/classify', client: '/client' } as const;

export const SHORTCUTS = { classifyMessage: 'classify_message' } as const;
