/**
 * The English catalogue: every text a user reads, on every surface (Slack, the terminal, the
 * playground, notices about the LLM and the store). Functions take values that are already escaped
 * for their surface (callers escape user and model text before passing it in).
 */
export const en = {
  thinkingStatus: 'is thinking…',
  loadingMessages: ['Reading your notes…', 'Matching playbook signals…', 'Weighing the four types…'],
  placeholder: ':hourglass_flowing_sand: Classifying this client…',
  followUpIntro: 'One quick question before I classify:',
  /**
   * The buttons that answer a missing fact with a fixed set of answers: each button's label, and the
   * sentence its click adds to the description, written the way an RM would say it so the rules read
   * it like any typed fact.
   */
  followUpChoices: {
    segment: {
      stateOwned: { label: 'State-owned / listed group', says: 'It is a state-owned enterprise.' },
      sme: { label: 'SME', says: 'It is an SME.' },
      family: { label: 'Family business', says: 'It is a family business.' },
      wealthy: { label: 'Wealthy individual', says: 'It is a high-net-worth individual.' },
    },
  },
  followUpCount: (n: number, max: number) => `Question ${n} of at most ${max}. You can also choose *Classify now*.`,
  closeCallQuestion: (a: string, b: string) =>
    `It is close between *${a}* and *${b}*. Anything more about the client's needs, rating or history?`,
  yes: 'Yes',
  no: 'No',
  classifyNow: 'Classify now',
  emptyDescription:
    'Describe a client in a sentence or two (sector, size, rating, history with us, what they need) and I will classify the relationship.',
  unnamedClient: 'Unnamed client',
  cardClient: 'Client',
  cardType: 'Type',
  cardConfidence: 'Confidence',
  cardSecondary: 'Secondary type',
  cardEvidence: 'Evidence',
  cardNoEvidence: '_No quoted evidence: the description gave no clear signal._',
  cardMoreSignals: (n: number) => `…and ${n} more`,
  cardNegated: 'negated',
  cardActions: 'Recommended actions',
  agreement: (llmType: string) => `:white_check_mark: Rules and LLM agree (LLM: ${llmType})`,
  disagreement: (rulesType: string, llmType: string) =>
    `:warning: Rules and LLM disagree: rules say ${rulesType}, LLM says ${llmType}`,
  footer: (playbook: string, rules: string, model: string) => `Playbook ${playbook} · rules ${rules} · ${model}`,
  footerModel: (prompt: string, model: string) => `prompt ${prompt} · model ${model}`,
  rulesOnly: 'rules only',
  teamModelSays: (decisions: number, type: string, how: 'moved' | 'agrees' | 'leans') =>
    `:busts_in_silhouette: Learned from ${decisions} team decisions: ${{ moved: 'moved this to', agrees: 'agrees with', leans: 'leans' }[how]} ${type}`,
  teamModelGuarded: ', but current distress keeps Problem-solving',
  teamModelSimilar: 'similar:',
  confirm: 'Confirm',
  changeType: 'Change type',
  share: 'Share to channel',
  fullPlaybook: 'Full playbook',
  decisionConfirmed: (user: string, type: string, when: string, id: string) =>
    `:white_check_mark: <@${user}> confirmed *${type}* on ${when} · decision \`${id}\``,
  decisionOverridden: (user: string, type: string, reason: string, when: string, id: string) =>
    `:pencil2: <@${user}> changed the type to *${type}* on ${when} (reason: ${reason}) · decision \`${id}\``,
  changeTypeTitle: 'Change type',
  changeTypeLabel: (type: string) => `Why is this client *${type}*?`,
  reasonLabel: 'Reason (required)',
  reasonPlaceholder: 'e.g. the client now wants a long-term framework agreement',
  reasonMissing: 'Please give a reason for the change.',
  submitLog: 'Log decision',
  cancel: 'Cancel',
  shareTitle: 'Share to channel',
  shareLabel: 'Channel',
  shareSubmit: 'Share',
  sharedBy: (user: string) => `Shared by <@${user}>`,
  notInChannel: (channel: string) =>
    `I'm not a member of <#${channel}>. Invite me there with \`/invite @Quadrant\`, then share again.`,
  channelNotFound:
    "I can't see that channel. If it is private, invite me with `/invite @Quadrant` first, then share again.",
  sharedOk: (channel: string) => `Shared to <#${channel}>.`,
  playbookTitle: 'Playbook',
  playbookDefinition: 'Definition',
  playbookTypicalClients: 'Typical clients',
  playbookCharacteristics: 'Characteristics',
  playbookStrategies: 'Strategies',
  playbookPractices: 'Practices that apply',
  playbookGlance: 'The four relationship types',
  playbookOpen: 'Open',
  playbookNoMatch: (keyword: string) => `Nothing in the playbook matches “${keyword}”.`,
  playbookMatches: (keyword: string) => `Playbook entries matching “${keyword}”`,
  playbookUsage: 'Usage: `/playbook [type|keyword]`, e.g. `/playbook partnership` or `/playbook hedging`.',
  classifyUsage:
    'Usage: `/classify <client description>`, e.g. `/classify AAA-rated SOE, third project with us, wants a long-term framework`.',
  clientUsage: 'Usage: `/client <client name>` shows the decisions logged for that client.',
  clientNoHistory: (name: string) => `No decisions you can see for “${name}” yet.`,
  clientHistory: (name: string) => `Decision history: ${name}`,
  clientTransition: (from: string, to: string) => `:arrows_counterclockwise: *Type changed:* ${from} → ${to}`,
  clientEntry: (type: string, user: string, when: string, source: string) =>
    `*${type}* · <@${user}> · ${when} · ${source}`,
  sourceNames: { rules: 'rules', hybrid: 'rules + LLM', manager_override: 'manager override' } as Record<
    string,
    string
  >,
  shortcutNoText: 'That message has no text to classify.',
  homeRecent: 'Your recent decisions',
  homeNoDecisions: 'No decisions yet. Describe a client to me in a DM, or use `/classify`.',
  homeDistribution: 'Team distribution by type',
  homeChanges: 'Type changes in the last 30 days',
  homeNoChanges: 'None.',
  homeSettings: 'Settings',
  homeLanguage: 'Language',
  homeCycle: 'Economic cycle (workspace)',
  homeCycleAdminsOnly: 'Only admins listed in QUADRANT_ADMINS can change the economic cycle.',
  langAuto: 'Auto (follow my writing)',
  cycleNames: { normal: 'Normal', downturn: 'Downturn' } as Record<string, string>,
  settingsSaved: 'Settings saved.',
  suggestedPromptsTitle: 'Try one of these',
  suggestedPrompts: [
    {
      title: 'Classify a client',
      message: 'AAA-rated state-owned utility, third project with us, wants a long-term framework and FX hedging.',
    },
    {
      title: 'A price-driven borrower',
      message: 'Mid-size manufacturer, compares three banks on price, wants approval within a week.',
    },
    { title: 'Open the playbook', message: 'What does the playbook say about partnership clients?' },
    { title: 'What can you do?', message: 'What can you do?' },
  ],
  errorGeneric: (ref: string) => `Something went wrong on my side (ref \`${ref}\`). Please try again.`,
  errorRateLimited: 'Slack is rate-limiting me right now. Please try again in a minute.',
  errorTooLong: 'That answer was too long for Slack. Please shorten the description and try again.',
  errorStore: 'The decision store is unavailable right now, so nothing was logged. Please try again shortly.',
  errorStoreResend: (ref: string) =>
    `I could not process this message: my store is unavailable right now and nothing was recorded. Please send it again in a minute (ref \`${ref}\`).`,
  errorChannelUnreachable: (channel: string) =>
    `Slack kept failing when I tried to answer you in <#${channel}>. Please try again there in a few minutes.`,
  errorSlackDown: 'I could not reach Slack just now. Please try again.',
  errorStale: 'This card has expired. Please classify the client again.',
  errorAdminOnly: 'Only admins listed in QUADRANT_ADMINS can change this setting.',

  welcomeTitle: 'Hi, I am Quadrant',
  welcomeIntro:
    'Describe a client in your own words (Chinese or English). I classify the relationship into one of four types, show the evidence and suggest actions from the playbook. You confirm or change the type, and the decision is logged.',
  welcomeTypes: 'The four types',
  welcomeTryTitle: 'Try',
  welcomeExamples: [
    'AAA-rated state-owned utility, third project with us, wants a long-term framework.',
    'How do we keep partnership clients?',
    'What did we decide on Huaneng Power?',
  ],
  clarifyQuestion: (text: string) => `I am not sure what you want with “${text}”. Is it about a client?`,
  clarifyDescribe: 'Yes, classify it',
  clarifyPlaybook: 'Show the playbook',
  clarifyHelp: 'What can you do?',
  staleButton: 'That question was already answered; nothing new was logged.',
  answeredBy: (answer: string) => `→ ${answer}`,
  cardNotEnough: 'Not enough information',
  cardNotEnoughBody: 'The description has no clear sign of any of the four types, so I will not guess.',
  cardDeciding: 'What would decide it',
  cardChooseType: 'Choose a type (you will be asked why)',
  cardWas: (type: string, source: string, confidence: string) => `was: ${type} (${source}, ${confidence})`,
  cardWasNone: 'was: not enough information',
  cardReason: (reason: string) => `Reason: ${reason}`,
  cardShowEvidence: (n: number) => `Show all evidence (${n})`,
  cardEvidenceTitle: 'All evidence',
  cardDetails: (decision: string, versions: string) => `${decision}${versions}`,
  cardDecisionRef: (id: string) => `decision ${id} · `,
  editClient: 'Edit client',
  editClientTitle: 'Client name',
  editClientLabel: 'Name of the client',
  editClientPlaceholder: 'e.g. Huaneng Power Co., Ltd.',
  editClientHint: 'Decisions on this card move to this name, so the client’s history follows it.',
  editClientSave: 'Save',
  nameMissing: 'Please type the client’s name.',
  shareVisibility:
    'Sharing makes this card’s decision visible to your team: anyone in the workspace can then see it with /client. Decisions you do not share stay private to you.',
  chooseButton: 'Choose',
  decisionMade: (user: string, type: string, when: string) =>
    `:white_check_mark: <@${user}> confirmed *${type}* · ${when}`,
  decisionChanged: (user: string, type: string, when: string) =>
    `:pencil2: <@${user}> changed the type to *${type}* · ${when}`,
  playbookFor: (topic: string) => `From the playbook: ${topic}`,
  groupDmPrivate: 'Decisions made in a group DM stay private to the person who made them.',
  cliClarifyHint: 'Type /yes to classify it as a client description, or describe the client.',
  cliChoiceHint: '(type the number of an answer, or add details)',
  cliUnnamedHint: 'No client name found: /name NAME sets it (the decisions follow the name).',
  cliRenamed: (name: string) => `Client is now “${name}”.`,
  cliShowAll: (n: number) => `…and ${n} more (/evidence shows all)`,
  cliNoEvidence: 'No evidence yet.',
  cliChooseType: (types: string) =>
    `Not enough information to pick a type. /override TYPE REASON chooses one: ${types}.`,

  /** Notices the classification itself adds to a card: phrased by the domain (combiner, rules, unsure card). */
  notices: {
    typeNames: {
      strategic: 'Strategic',
      transactional: 'Transactional',
      partnership: 'Partnership',
      problem_solving: 'Problem-solving',
    },
    disagree: (rules: string, llm: string) =>
      `Rules say ${rules}, the LLM says ${llm}; they disagree, so confidence was lowered.`,
    distressKept: (signal: string, llm: string) =>
      `The rules found a distress signal ("${signal}"), so Problem-solving stands; the LLM's ${llm} was not applied because it quoted no contrary evidence.`,
    distressLifted: (quote: string) =>
      `The LLM quoted text contradicting the distress signals ("${quote}"), so its type applies.`,
    inputTruncated: (maxChars: number) =>
      `The description was longer than ${maxChars.toLocaleString('en')} characters; only the first ${maxChars.toLocaleString('en')} were classified.`,
    unsure: (percent: number, types: string, ask: string) => `Unsure (${percent}%): ${types}? ${ask}`,
    unsureEither: (a: string, b: string) => `${a} or ${b}`,
    unsureDecide: (questions: readonly string[]) => `What would decide it: ${questions.join(' ')}`,
    unsureAsk: "Tell me the client's size, history with us, needs, or any distress.",
  },
  /** Why the recommender picked an action; `type` is the playbook's short name of the type. */
  reasons: {
    core: (type: string, evidence: string) => `Core strategy for ${type.toLowerCase()} clients${evidence}`,
    secondary: (type: string, evidence: string) => `The client also shows ${type.toLowerCase()} traits${evidence}`,
    evidence: (quote: string) => `; evidence: "${quote}"`,
    chosen: '; basis: the type the RM chose (reason above)',
  },
  /** The terminal card and playbook (`quadrant classify`, `quadrant playbook`). */
  terminal: {
    type: 'Type',
    confidence: 'Confidence',
    secondary: 'Secondary',
    evidence: 'Evidence',
    negated: '(negated, not counted)',
    noEvidence: 'No clear evidence found.',
    agrees: 'agrees',
    disagrees: 'disagrees',
    actions: 'Recommended actions',
    missing: 'Facts that would sharpen this',
    rulesOnly: 'rules only',
    typicalClients: 'Typical clients',
    listSeparator: ', ',
    characteristics: 'Characteristics',
    strategies: 'Management strategies',
    relatedPractices: 'Related practices',
    overview: (version: string) => `The four relationship types (playbook ${version})`,
    practices: 'Cross-cutting practices:',
    noMatch: (query: string) =>
      `Nothing in the playbook matches "${query}". Try: quadrant playbook restructuring / brand / digital`,
    matchingTypes: 'Matching types',
    matchingActions: 'Matching actions',
  },
  /** The alert posted to QUADRANT_ALERT_CHANNEL when a client moves into distress. */
  earlyWarning: {
    title: (client: string, from: string) =>
      `:rotating_light: *Early warning: ${client}* moved from ${from} to Problem-solving`,
    evidence: 'New evidence',
    actions: 'Transition actions',
    history: (client: string) => `History: \`/client ${client}\``,
  },
  /** The admins' team section of App Home. */
  homeTeam: {
    title: 'Team view (admins)',
    overrides: 'Override rate by suggested type',
    months: 'Override rate by month',
    agreement: (rules: string, team: string, llm: string) =>
      `Agreement with the final type: rules ${rules} · team model ${team} · with the LLM ${llm}`,
    confusion: 'Suggested → final (changes only)',
    spike: (recent: string, baseline: string) =>
      `:warning: *Overrides are rising:* ${recent} in the last 30 days against ${baseline} before. Most overridden:`,
    steady: (recent: string, baseline: string) => `Last 30 days: ${recent} overridden (before: ${baseline}).`,
    none: 'No decisions yet.',
  },
  /** The terminal chat (`quadrant chat`). */
  chat: {
    welcome: 'Quadrant chat. Describe a client; /help lists commands, /quit leaves.',
    empty: 'Tell me about the client first.',
    yesNoHint: '(answer yes or no, or add details)',
    next: 'Type /confirm to log this type, /override TYPE REASON to log another, or keep describing.',
    noCard: 'There is no card to decide on yet.',
    badType: (types: readonly string[]) => `Unknown type. Use one of: ${types.join(', ')}.`,
    reasonRequired: 'An override needs a reason: /override TYPE REASON',
    stale: 'That card has expired; describe the client again.',
    storeDown: 'The store is unavailable right now; nothing was lost, try again shortly.',
    newClient: 'New client. Describe them.',
    unknownCommand: 'Unknown command; /help lists them.',
    bye: 'Bye.',
    confirmed: 'confirmed',
    overridden: 'overridden',
    secondary: 'Secondary',
  },
  /** The decision-log command (`quadrant log`). */
  log: {
    none: 'No decisions match.',
    purged: (n: number) => `Purged ${n} decisions; the purge itself is logged.`,
    badDate: 'expected a date such as 2025-01-31',
  },
  /** What a store failure means for the user; the technical detail goes to the log. */
  storeErrors: {
    store_unavailable:
      'The decision log is unavailable right now, so this was not recorded. Please try again in a moment.',
    store_conflict: 'This conflicts with an existing record; refresh and try again.',
    store_invalid: 'The record is incomplete or malformed and was not saved.',
    store_forbidden: 'Only an admin listed in QUADRANT_ADMINS may do this.',
  },
  /** Why the playground refused a browser action; `{name}` is filled from the error's details. */
  playgroundErrors: {
    bad_request: 'That request was not understood.',
    unknown_user: 'Pick who you are in the sidebar first.',
    not_visible: 'You are not in that conversation.',
    empty_message: 'Type a message first.',
    message_too_long: 'That message is too long (at most {max} characters).',
    unknown_command: '{command} is not a valid command.',
    message_gone: 'That message no longer exists.',
    view_gone: 'That dialog is no longer open.',
    app_unreachable: 'Quadrant did not answer. Check the terminal for details.',
    app_error: 'Quadrant answered with an error (HTTP {status}). Check the terminal for details.',
    forbidden: 'This page only accepts requests from itself.',
    not_found: 'Not found.',
  },
  /** Notices about the LLM layer: the card footer, the CLI and the start-up log. */
  llm: {
    off: 'LLM off: rules-only classification (set OPENAI_API_KEY to enable it).',
    failures: {
      llm_unavailable: 'The LLM was unavailable (timeout or service error); this is the rules-only result.',
      llm_bad_output: "The LLM's answer was unusable; this is the rules-only result.",
      llm_refused: 'The LLM declined to answer; this is the rules-only result.',
    },
    truncated: (maxChars: number) =>
      `The description is long; only ${maxChars.toLocaleString('en')} characters were sent to the LLM.`,
    setupNoKey: 'no OPENAI_API_KEY',
    setupModeOff: 'QUADRANT_LLM_MODE=off',
    setupOff: (why: string) => `LLM: off (${why}); rules-only classification.`,
    setupEveryTurn: 'every turn',
    setupUnderThreshold: (threshold: number) => `when the rules' confidence is under ${threshold}`,
    setupOn: (model: string, host: string, when: string, timeoutSeconds: number) =>
      `LLM: ${model} @ ${host}, ${when}, ${timeoutSeconds} s timeout per request.`,
  },
} as const;
