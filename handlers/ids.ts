/** Every action_id, callback_id, block_id prefix and command name, in one place (manifest.json uses the same). */
export const ACTIONS = {
  confirm: 'card_confirm',
  changeType: 'card_change_type',
  share: 'card_share',
  fullPlaybook: 'card_full_playbook',
  showEvidence: 'card_show_evidence',
  editClient: 'card_edit_client',
  /** Prefix: one button per type on a card without a type (`card_choose_type_partnership`). */
  chooseType: 'card_choose_type',
  followUpChoice: 'followup_choice',
  clarifyDescribe: 'clarify_describe',
  clarifyPlaybook: 'clarify_playbook',
  clarifyHelp: 'clarify_help',
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
  editClient: 'edit_client',
  evidence: 'evidence_view',
} as const;

export const BLOCKS = {
  reason: 'reason',
  reasonInput: 'reason_input',
  shareChannel: 'share_channel',
  shareChannelInput: 'share_channel_input',
  clientName: 'client_name',
  clientNameInput: 'client_name_input',
} as const;

export const COMMANDS = { playbook: '/playbook', classify: '/classify', client: '/client' } as const;

export const SHORTCUTS = { classifyMessage: 'classify_message' } as const;
