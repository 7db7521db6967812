// @ts-check
// The playground page: a small Slack. It renders what the emulated workspace holds for the chosen
// user and turns clicks and typing into actions the server signs and sends to the real Bolt app.
import { renderBlocks, renderMrkdwn } from './blocks.js';

/** @typedef {import('../page-types.js').PageSnapshot} Snapshot */
/** @typedef {import('../page-types.js').PageMessage} PageMessage */
/** @typedef {import('../page-types.js').PageSession} PageSession */
/** @typedef {import('../page-types.js').PageAction} PageAction */
/** @typedef {import('../page-types.js').RenderContext} RenderContext */
/** @typedef {import('../page-types.js').ViewStateValues} ViewStateValues */
/** @typedef {import('../page-types.js').SessionReply} SessionReply */
/** @typedef {import('../page-types.js').StateReply} StateReply */
/** @typedef {import('../page-types.js').ApiReply} ApiReply */
/** @typedef {Snapshot['statuses'][number]} ThreadStatus */

/**
 * The element with this id, which the page's HTML declares as a `kind`.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {{ new (): T, prototype: T }} kind
 * @returns {T}
 */
const $ = (id, kind) => {
  const node = document.getElementById(id);
  if (!(node instanceof kind)) throw new Error(`missing #${id}`);
  return node;
};

const ui = {
  userSelect: $('user-select', HTMLSelectElement),
  title: $('conversation-title', HTMLElement),
  tabs: $('app-tabs', HTMLElement),
  messages: $('messages', HTMLElement),
  home: $('home', HTMLElement),
  composer: $('composer', HTMLFormElement),
  input: $('composer-input', HTMLTextAreaElement),
  hints: $('command-hints', HTMLElement),
  thread: $('thread', HTMLElement),
  threadMessages: $('thread-messages', HTMLElement),
  threadComposer: $('thread-composer', HTMLFormElement),
  threadInput: $('thread-input', HTMLTextAreaElement),
  modal: $('modal', HTMLElement),
  toast: $('toast', HTMLElement),
  connection: $('connection', HTMLElement),
};

/**
 * @typedef {object} PageState
 * @property {PageSession | null} session
 * @property {string | null} userId
 * @property {string} view `dm`, `channel` or `home`
 * @property {Snapshot | null} snapshot
 * @property {{ channel: string, ts: string } | null} openThread
 * @property {string | null} modalKey
 * @property {ViewStateValues} modalState
 * @property {EventSource | null} events
 * @property {boolean} refreshing
 * @property {boolean} refreshAgain
 * @property {boolean} initialLoad true until the chosen user's first snapshot is shown
 * @property {Set<string>} seenReplies
 */

/** @type {PageState} */
const page = {
  session: null,
  userId: null,
  view: 'dm',
  snapshot: null,
  openThread: null,
  modalKey: null,
  modalState: {},
  events: null,
  refreshing: false,
  refreshAgain: false,
  initialLoad: true,
  seenReplies: new Set(),
};

const lang = () => (navigator.language?.toLowerCase().startsWith('zh') ? 'zh' : 'en');

/** @type {ReturnType<typeof setTimeout> | undefined} */
let toastTimer;

/** @param {string} message */
const showToast = (message) => {
  ui.toast.textContent = message;
  ui.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    ui.toast.hidden = true;
  }, 6000);
};

/** Said when the page cannot reach the playground: what was typed stays in the box. */
const NOT_SENT = {
  en: 'Not sent: the playground is not reachable. Your message is still in the box; send it again once connected.',
  zh: '未发送:无法连接 playground。消息仍保留在输入框中,连接恢复后请重新发送。',
};

/**
 * A call to the page server: a GET without `body`, else a JSON POST. Failures are shown as a toast.
 * @template {ApiReply} T
 * @param {string} path
 * @param {object} [body]
 * @returns {Promise<T>}
 */
const api = async (path, body) => {
  let response;
  try {
    response = await fetch(
      path,
      body === undefined
        ? { method: 'GET' }
        : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    );
  } catch {
    showToast(NOT_SENT[lang()] ?? NOT_SENT.en);
    return /** @type {T} */ ({ ok: false, error: NOT_SENT });
  }
  /** @type {T} */
  const data = await response.json().catch(() => ({ ok: false, error: { en: 'Bad response', zh: '响应无效' } }));
  if (!data.ok) showToast(data.error?.[lang()] ?? data.error?.en ?? 'Something went wrong');
  return data;
};

/** @param {PageAction} action */
const act = (action) => api('/api/actions', { ...action, user: page.userId });

// ---- rendering ----

/**
 * What the Block Kit renderer needs from the page, plus what one place adds.
 * @param {RenderContext} [extra]
 * @returns {RenderContext}
 */
const context = (extra = {}) => {
  const snap = page.snapshot;
  return {
    users: snap?.users ?? [],
    conversations: snap?.conversations ?? [],
    userName: (id) => snap?.users.find((u) => u.id === id)?.name ?? (id === snap?.bot.id ? snap.bot.name : undefined),
    channelName: (id) => snap?.conversations.find((c) => c.id === id)?.name,
    confirm: confirmDialog,
    ...extra,
  };
};

const currentChannel = () => (page.view === 'channel' ? page.snapshot?.team : page.snapshot?.dm);

/** @param {string} name */
const initials = (name) =>
  name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

/** @param {string} ts */
const formatTime = (ts) => {
  const date = new Date(Number.parseFloat(ts) * 1000);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
};

/**
 * @param {string} className
 * @param {string} text
 */
const span = (className, text) => {
  const node = document.createElement('span');
  node.className = className;
  node.textContent = text;
  return node;
};

/**
 * @param {PageMessage} message
 * @param {{ inThread: boolean }} where
 */
const renderMessage = (message, { inThread }) => {
  const node = document.createElement('div');
  node.className = `message${message.isBot ? ' from-bot' : ''}${message.ephemeral ? ' ephemeral' : ''}`;
  node.dataset.ts = message.ts;
  const avatar = document.createElement('div');
  avatar.className = `avatar${message.isBot ? ' bot' : ''}`;
  avatar.textContent = message.isBot ? 'Q' : initials(message.author);
  const body = document.createElement('div');
  body.className = 'message-body';
  const meta = document.createElement('div');
  meta.className = 'message-meta';
  meta.append(span('author', message.author));
  if (message.isBot) meta.append(span('app-tag', 'APP'));
  meta.append(span('time', formatTime(message.ts)));
  if (message.ephemeral) meta.append(span('only-you', 'Only visible to you'));
  body.append(meta);
  /** @type {import('../page-types.js').BlockActionSource} */
  const source =
    message.ephemeral && message.ephemeralId !== undefined
      ? { kind: 'ephemeral', channel: message.channel, ts: message.ts, ephemeralId: message.ephemeralId }
      : { kind: 'message', channel: message.channel, ts: message.ts };
  const ctx = context({
    currentConversation: message.channel,
    onAction: (action) => void act({ type: 'block_actions', source, action }),
  });
  if (Array.isArray(message.blocks) && message.blocks.length > 0) body.append(renderBlocks(message.blocks, ctx));
  else body.append(renderMrkdwn(message.text, ctx));
  if (message.streaming) {
    const cursor = document.createElement('span');
    cursor.className = 'stream-cursor';
    cursor.textContent = '▍';
    body.append(cursor);
  }
  // Slack marks edits by people; an app updating its own message (a card after Confirm) is not marked.
  if (message.edited && !message.isBot) {
    const edited = document.createElement('span');
    edited.className = 'edited';
    edited.textContent = '(edited)';
    body.append(edited);
  }
  if (!inThread && !message.ephemeral) {
    const replies = repliesOf(message).length;
    const link = document.createElement('button');
    link.type = 'button';
    link.className = replies > 0 ? 'replies' : 'reply-link';
    link.textContent = replies > 0 ? `${replies} ${replies === 1 ? 'reply' : 'replies'}` : 'Reply in thread';
    link.addEventListener('click', () => openThread(message.channel, message.ts));
    body.append(link);
    const status = statusOf(message.channel, message.ts);
    if (status) body.append(statusLine(status));
  }
  node.append(avatar, body);
  const shortcuts = page.session?.messageShortcuts ?? [];
  if (!message.ephemeral && shortcuts.length > 0) node.append(messageMenu(message, shortcuts));
  return node;
};

// Slack's hover toolbar: "More actions" lists the app's message shortcuts.
/**
 * @param {PageMessage} message
 * @param {PageSession['messageShortcuts']} shortcuts
 */
const messageMenu = (message, shortcuts) => {
  const wrap = document.createElement('div');
  wrap.className = 'message-menu';
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'bk-button message-menu-toggle';
  toggle.setAttribute('aria-label', 'More actions');
  toggle.textContent = '⋮';
  const list = document.createElement('div');
  list.className = 'bk-menu';
  list.hidden = true;
  for (const shortcut of shortcuts) {
    const item = document.createElement('button');
    item.type = 'button';
    item.className = 'bk-menu-item';
    item.textContent = shortcut.name;
    item.addEventListener('click', () => {
      list.hidden = true;
      void act({ type: 'message_action', channel: message.channel, ts: message.ts, callbackId: shortcut.callbackId });
    });
    list.append(item);
  }
  toggle.addEventListener('click', () => {
    list.hidden = !list.hidden;
  });
  wrap.append(toggle, list);
  return wrap;
};

// Slack shows "<App> <status>" and rotates the loading messages beside it while the app works.
/** @param {ThreadStatus} status */
const statusLine = (status) => {
  const line = document.createElement('div');
  line.className = 'status-line';
  const text = document.createElement('span');
  text.textContent = `${page.snapshot?.bot.name ?? 'Quadrant'} ${status.status}`;
  line.append(text);
  if (status.loadingMessages.length > 0) {
    const loading = document.createElement('span');
    loading.className = 'loading-message';
    const index = Math.floor(Date.now() / LOADING_ROTATE_MS) % status.loadingMessages.length;
    loading.textContent = status.loadingMessages[index] ?? '';
    loading.dataset.messages = JSON.stringify(status.loadingMessages);
    line.append(' ', loading);
  }
  return line;
};

const LOADING_ROTATE_MS = 1500;
setInterval(() => {
  for (const node of document.querySelectorAll('.loading-message')) {
    if (!(node instanceof HTMLElement)) continue;
    /** @type {string[]} */
    const messages = JSON.parse(node.dataset.messages ?? '[]');
    if (messages.length > 0)
      node.textContent = messages[Math.floor(Date.now() / LOADING_ROTATE_MS) % messages.length] ?? '';
  }
}, LOADING_ROTATE_MS);

/**
 * @param {string} channel
 * @param {string} threadTs
 */
const statusOf = (channel, threadTs) =>
  page.snapshot?.statuses.find((s) => s.channel === channel && s.threadTs === threadTs && s.status);

/** @param {PageMessage} parent */
const repliesOf = (parent) =>
  (page.snapshot?.messages ?? []).filter(
    (m) => m.channel === parent.channel && m.threadTs === parent.ts && m.ts !== parent.ts,
  );

/**
 * @param {HTMLElement} container
 * @param {() => void} render
 */
const keepScroll = (container, render) => {
  const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 40;
  render();
  if (atBottom) container.scrollTop = container.scrollHeight;
};

const renderConversation = () => {
  const snap = page.snapshot;
  if (!snap) return;
  const channel = currentChannel();
  const inHome = page.view === 'home';
  ui.messages.hidden = inHome;
  ui.composer.hidden = inHome;
  ui.home.hidden = !inHome;
  ui.tabs.hidden = page.view === 'channel';
  ui.title.textContent = page.view === 'channel' ? '# team' : snap.bot.name;
  for (const button of document.querySelectorAll('[data-view]')) {
    if (!(button instanceof HTMLElement)) continue;
    button.classList.toggle('active', button.dataset.view === page.view || (button.id === 'nav-dm' && inHome));
  }
  ui.input.placeholder = page.view === 'channel' ? 'Message #team' : `Message ${snap.bot.name}`;
  if (inHome) {
    const home = snap.home;
    ui.home.replaceChildren(
      home
        ? renderBlocks(
            home.blocks,
            context({
              onAction: (action) =>
                void act({ type: 'block_actions', source: { kind: 'home', viewId: home.id }, action }),
            }),
          )
        : emptyNote('The App Home is loading…'),
    );
    return;
  }
  keepScroll(ui.messages, () => {
    const roots = snap.messages.filter((m) => m.channel === channel && (!m.threadTs || m.threadTs === m.ts));
    ui.messages.replaceChildren(
      ...(roots.length > 0
        ? roots.map((m) => renderMessage(m, { inThread: false }))
        : page.view === 'dm'
          ? [
              emptyNote('Describe a client to Quadrant, or type / for commands.'),
              suggestedPrompts(snap.suggestedPrompts),
            ]
          : [emptyNote('Share a card here from the DM.')]),
    );
  });
};

// The prompts the app suggested when the assistant thread started; a click sends one.
/** @param {Snapshot['suggestedPrompts']} prompts */
const suggestedPrompts = (prompts) => {
  const row = document.createElement('div');
  row.className = 'suggested-prompts';
  for (const prompt of prompts ?? []) {
    const chip = document.createElement('button');
    chip.type = 'button';
    chip.className = 'suggested-prompt';
    chip.textContent = prompt.title;
    chip.title = prompt.message;
    chip.addEventListener('click', () => void send(prompt.message));
    row.append(chip);
  }
  return row;
};

/** @param {string} text */
const emptyNote = (text) => {
  const note = document.createElement('div');
  note.className = 'empty-note';
  note.textContent = text;
  return note;
};

const renderThread = () => {
  const snap = page.snapshot;
  const open = page.openThread;
  ui.thread.hidden = !open;
  if (!open || !snap) return;
  const parent = snap.messages.find((m) => m.channel === open.channel && m.ts === open.ts);
  if (!parent) {
    page.openThread = null;
    ui.thread.hidden = true;
    return;
  }
  keepScroll(ui.threadMessages, () => {
    const nodes = [parent, ...repliesOf(parent)].map((m) => renderMessage(m, { inThread: true }));
    const status = statusOf(open.channel, open.ts);
    ui.threadMessages.replaceChildren(...nodes, ...(status ? [statusLine(status)] : []));
  });
};

/**
 * The text of one of a view's text objects (title, close, submit), or `fallback`.
 * @param {unknown} field
 * @param {string} fallback
 */
const viewText = (field, fallback) =>
  field && typeof field === 'object' && 'text' in field && typeof field.text === 'string' ? field.text : fallback;

const renderModal = () => {
  const modal = page.snapshot?.modal;
  const key = modal ? JSON.stringify([modal.id, modal.hash, modal.errors ?? null]) : null;
  if (key === page.modalKey) return;
  page.modalKey = key;
  if (!modal) {
    ui.modal.hidden = true;
    ui.modal.replaceChildren();
    return;
  }
  // A new view (or new errors) starts a new state, as Slack does on views.update.
  page.modalState = {};
  const view = modal.view;
  const dialog = document.createElement('form');
  dialog.className = 'modal';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', viewText(view.title, 'Modal'));
  const header = document.createElement('header');
  header.className = 'modal-header';
  const title = document.createElement('span');
  title.textContent = viewText(view.title, '');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'modal-x';
  close.setAttribute('aria-label', 'Close');
  close.textContent = '×';
  header.append(title, close);
  const body = document.createElement('div');
  body.className = 'modal-body';
  body.append(
    renderBlocks(
      view.blocks,
      context({
        state: page.modalState,
        errors: modal.errors ?? {},
        onAction: (action) =>
          void act({
            type: 'block_actions',
            source: { kind: 'view', viewId: modal.id },
            action,
            values: page.modalState,
          }),
      }),
    ),
  );
  const footer = document.createElement('footer');
  footer.className = 'modal-footer';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'bk-button';
  cancel.textContent = viewText(view.close, 'Cancel');
  footer.append(cancel);
  if (view.submit) {
    const submit = document.createElement('button');
    submit.type = 'submit';
    submit.className = 'bk-button bk-primary';
    submit.textContent = viewText(view.submit, 'Submit');
    footer.append(submit);
  }
  const closeModal = () => void act({ type: 'view_closed', viewId: modal.id });
  close.addEventListener('click', closeModal);
  cancel.addEventListener('click', closeModal);
  dialog.addEventListener('submit', (event) => {
    event.preventDefault();
    void act({ type: 'view_submission', viewId: modal.id, values: page.modalState });
  });
  dialog.append(header, body, footer);
  ui.modal.replaceChildren(dialog);
  ui.modal.hidden = false;
  const field = body.querySelector('input, textarea, select');
  if (field instanceof HTMLElement) field.focus();
};

/**
 * Slack's confirmation dialog for an element that carries one; resolves with the answer.
 * @param {import('@slack/types').Confirm} confirm
 * @returns {Promise<boolean>}
 */
const confirmDialog = (confirm) =>
  new Promise((resolve) => {
    const overlay = document.createElement('div');
    overlay.className = 'modal-backdrop confirm';
    const box = document.createElement('div');
    box.className = 'modal';
    box.setAttribute('role', 'alertdialog');
    const title = document.createElement('div');
    title.className = 'modal-header';
    title.textContent = confirm.title?.text ?? 'Are you sure?';
    const text = document.createElement('div');
    text.className = 'modal-body';
    text.append(renderMrkdwn(confirm.text?.text ?? ''));
    const footer = document.createElement('div');
    footer.className = 'modal-footer';
    const deny = document.createElement('button');
    deny.type = 'button';
    deny.className = 'bk-button';
    deny.textContent = confirm.deny?.text ?? 'Cancel';
    const ok = document.createElement('button');
    ok.type = 'button';
    ok.className = `bk-button ${confirm.style === 'danger' ? 'bk-danger' : 'bk-primary'}`;
    ok.textContent = confirm.confirm?.text ?? 'Yes';
    /** @param {boolean} answer */
    const done = (answer) => {
      overlay.remove();
      resolve(answer);
    };
    deny.addEventListener('click', () => done(false));
    ok.addEventListener('click', () => done(true));
    footer.append(deny, ok);
    box.append(title, text, footer);
    overlay.append(box);
    document.body.append(overlay);
  });

const render = () => {
  renderConversation();
  renderThread();
  renderModal();
};

// A reply to something I just wrote in the DM opens its thread, like Slack's assistant split view.
const followNewThreads = () => {
  const snap = page.snapshot;
  if (!snap) return;
  for (const message of snap.messages) {
    if (!message.threadTs || message.threadTs === message.ts || page.seenReplies.has(message.ts)) continue;
    page.seenReplies.add(message.ts);
    const parent = snap.messages.find((m) => m.channel === message.channel && m.ts === message.threadTs);
    if (!page.initialLoad && parent?.user === page.userId && message.channel === currentChannel() && !page.openThread) {
      page.openThread = { channel: message.channel, ts: message.threadTs };
    }
  }
};

const refresh = async () => {
  if (!page.userId) return;
  if (page.refreshing) {
    page.refreshAgain = true;
    return;
  }
  page.refreshing = true;
  try {
    /** @type {StateReply} */
    const data = await api(`/api/state?user=${encodeURIComponent(page.userId)}`);
    if (data.ok) {
      page.snapshot = data.state;
      followNewThreads();
      page.initialLoad = false;
      render();
    }
  } finally {
    page.refreshing = false;
    if (page.refreshAgain) {
      page.refreshAgain = false;
      void refresh();
    }
  }
};

/** @param {string} userId */
const connect = (userId) => {
  page.events?.close();
  const events = new EventSource(`/api/events?user=${encodeURIComponent(userId)}`);
  page.events = events;
  events.addEventListener('change', () => void refresh());
  events.addEventListener('open', () => {
    ui.connection.textContent = 'connected';
    ui.connection.classList.remove('offline');
    void refresh();
  });
  events.addEventListener('error', () => {
    ui.connection.textContent = 'reconnecting…';
    ui.connection.classList.add('offline');
  });
};

/**
 * @param {string} channel
 * @param {string} ts
 */
const openThread = (channel, ts) => {
  page.openThread = { channel, ts };
  renderThread();
  ui.threadInput.focus();
};

/** @param {string} view */
const switchView = (view) => {
  page.view = view;
  if (view === 'home') void act({ type: 'home_opened' });
  if (view === 'dm') void act({ type: 'dm_opened' });
  if (page.openThread && page.openThread.channel !== currentChannel()) page.openThread = null;
  render();
};

/** @param {string} userId */
const chooseUser = (userId) => {
  page.userId = userId;
  page.openThread = null;
  page.modalKey = null;
  page.initialLoad = true;
  page.seenReplies.clear();
  localStorage.setItem('quadrant-playground-user', userId);
  connect(userId);
  if (page.view === 'dm') void act({ type: 'dm_opened' });
};

// ---- composing ----

/**
 * Sends a message or a slash command; resolves true once the playground took it.
 * @param {string} text
 * @param {string} [threadTs]
 */
const send = async (text, threadTs) => {
  const trimmed = text.trim();
  if (!trimmed) return true;
  const channel = currentChannel();
  // Before the first snapshot there is no conversation to send to; the text stays in the box.
  if (!channel) return false;
  if (trimmed.startsWith('/')) {
    const command = trimmed.split(/\s+/)[0] ?? '';
    const argText = trimmed.slice(command.length).trim();
    return (await act({ type: 'command', channel, command, text: argText, ...(threadTs ? { threadTs } : {}) })).ok;
  }
  return (await act({ type: 'message', channel, text: trimmed, ...(threadTs ? { threadTs } : {}) })).ok;
};

/**
 * @param {HTMLFormElement} form
 * @param {HTMLTextAreaElement} input
 * @param {() => string | undefined} threadTs
 */
const bindComposer = (form, input, threadTs) => {
  // A message is never silently dropped: while the page is disconnected, or when the send fails,
  // the text stays in the box and the page says why.
  const submit = async () => {
    const text = input.value;
    if (!text.trim()) return;
    if (ui.connection.classList.contains('offline')) {
      showToast(NOT_SENT[lang()] ?? NOT_SENT.en);
      input.classList.add('unsent');
      return;
    }
    input.value = '';
    ui.hints.hidden = true;
    const sent = await send(text, threadTs());
    input.classList.toggle('unsent', !sent);
    if (!sent && input.value === '') input.value = text;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void submit();
    }
  });
};

const showHints = () => {
  const value = ui.input.value;
  const commands = page.session?.commands ?? [];
  const matching =
    value.startsWith('/') && !value.includes(' ') ? commands.filter((c) => c.command.startsWith(value)) : [];
  ui.hints.hidden = matching.length === 0;
  ui.hints.replaceChildren(
    ...matching.map((c) => {
      const item = document.createElement('li');
      const name = document.createElement('button');
      name.type = 'button';
      name.className = 'hint';
      name.textContent = `${c.command} ${c.usageHint ?? ''}`.trim();
      const description = document.createElement('span');
      description.className = 'hint-description';
      description.textContent = c.description ?? '';
      name.addEventListener('click', () => {
        ui.input.value = `${c.command} `;
        ui.hints.hidden = true;
        ui.input.focus();
      });
      item.append(name, description);
      return item;
    }),
  );
};

const start = async () => {
  /** @type {SessionReply} */
  const data = await api('/api/session');
  if (!data.ok) return;
  page.session = data.session;
  for (const user of data.session.users) {
    const option = document.createElement('option');
    option.value = user.id;
    option.textContent = user.label;
    ui.userSelect.append(option);
  }
  const fromUrl = new URLSearchParams(location.search).get('user');
  const saved = localStorage.getItem('quadrant-playground-user');
  const { users } = data.session;
  /** @param {string | null} id */
  const known = (id) => users.some((u) => u.id === id);
  const initial = [fromUrl, saved].find((id) => id && known(id)) ?? data.session.users[0]?.id;
  if (initial === undefined) return;
  ui.userSelect.value = initial;
  ui.userSelect.addEventListener('change', () => chooseUser(ui.userSelect.value));
  for (const button of document.querySelectorAll('[data-view]')) {
    if (!(button instanceof HTMLElement)) continue;
    button.addEventListener('click', () => switchView(button.dataset.view ?? 'dm'));
  }
  $('close-thread', HTMLButtonElement).addEventListener('click', () => {
    page.openThread = null;
    renderThread();
  });
  bindComposer(ui.composer, ui.input, () => undefined);
  bindComposer(ui.threadComposer, ui.threadInput, () => page.openThread?.ts);
  ui.input.addEventListener('input', showHints);
  chooseUser(initial);
};

void start();
