// @ts-check
// Block Kit -> DOM. Every piece of data goes through textContent or a property, never innerHTML,
// so nothing an LLM or a user typed can run in the page. Interactive elements report Slack-shaped
// action objects through ctx.onAction and keep Slack-shaped view state in ctx.state.
import { parseMrkdwn } from './mrkdwn.js';

/** @typedef {import('../page-types.js').RenderContext} RenderContext */
/** @typedef {import('../page-types.js').BlockActionPayload} BlockActionPayload */
/** @typedef {import('../page-types.js').MrkdwnSpan} MrkdwnSpan */
/** @typedef {import('../page-types.js').PageElement} PageElement */
/** @typedef {import('@slack/types').KnownBlock} KnownBlock */
/** @typedef {import('@slack/types').SectionBlock} SectionBlock */
/** @typedef {import('@slack/types').InputBlock} InputBlock */
/** @typedef {import('@slack/types').RichTextBlock} RichTextBlock */
/** @typedef {import('@slack/types').RichTextElement} RichTextElement */
/** @typedef {import('@slack/types').TextObject} TextObject */
/** @typedef {import('@slack/types').Option} Option */
/** @typedef {import('@slack/types').ImageElement | import('@slack/types').ImageBlock} Image */
/** @typedef {import('@slack/types').Overflow} Overflow */
/** @typedef {import('@slack/types').RadioButtons | import('@slack/types').Checkboxes} Choices */
/** @typedef {import('@slack/types').PlainTextInput | import('@slack/types').EmailInput | import('@slack/types').URLInput | import('@slack/types').NumberInput} TextInput */
/** @typedef {import('@slack/types').MultiSelect} MultiSelect */
/** @typedef {import('@slack/types').Select} Select */
/** The part of a block action every element adds to: which element, in which block. */
/** @typedef {{ type: string, action_id: string, block_id: string }} ActionBase */

// A few shortcodes the app and Slack users commonly use; unknown ones stay as typed.
/** @type {Record<string, string>} */
const EMOJI = {
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  x: '❌',
  warning: '⚠️',
  bulb: '💡',
  memo: '📝',
  classical_building: '🏛️',
  arrows_counterclockwise: '🔄',
  pencil2: '✏️',
  mag: '🔍',
  chart_with_upwards_trend: '📈',
  handshake: '🤝',
  zap: '⚡',
  wrench: '🔧',
  star: '⭐',
  rotating_light: '🚨',
  information_source: 'ℹ️',
  speech_balloon: '💬',
  thinking_face: '🤔',
  robot_face: '🤖',
  hourglass_flowing_sand: '⏳',
  lock: '🔒',
  busts_in_silhouette: '👥',
  bar_chart: '📊',
  clipboard: '📋',
  link: '🔗',
  arrow_right: '➡️',
  pushpin: '📌',
  question: '❓',
  book: '📖',
  books: '📚',
  compass: '🧭',
  gear: '⚙️',
  tada: '🎉',
  eyes: '👀',
  muscle: '💪',
  moneybag: '💰',
  bank: '🏦',
  building_construction: '🏗️',
  office: '🏢',
  family: '👪',
  sos: '🆘',
  ambulance: '🚑',
  red_circle: '🔴',
  large_green_circle: '🟢',
  large_yellow_circle: '🟡',
  large_blue_circle: '🔵',
  white_circle: '⚪',
  small_blue_diamond: '🔹',
};

/**
 * Replaces known :shortcodes: with their emoji.
 * @param {string} text
 */
export const emojify = (text) =>
  text.replace(/:([a-z0-9_+-]+):/g, (/** @type {string} */ m, /** @type {string} */ name) => EMOJI[name] ?? m);

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/**
 * The text of a text object, or '' when there is none.
 * @param {{ text?: unknown } | undefined} obj
 */
const textOf = (obj) => (obj && typeof obj.text === 'string' ? obj.text : '');

/**
 * Renders a mrkdwn string into a container of lines, quotes and code blocks.
 * @param {unknown} text
 * @param {RenderContext} [ctx]
 */
export const renderMrkdwn = (text, ctx = {}) => {
  const root = el('div', 'mrkdwn');
  for (const block of parseMrkdwn(text)) {
    if (block.kind === 'pre') {
      root.append(el('pre', 'mrkdwn-pre', block.text));
      continue;
    }
    const line = el('div', block.kind === 'quote' ? 'mrkdwn-quote' : 'mrkdwn-line');
    if (block.spans.length === 0) line.append(document.createElement('br'));
    for (const span of block.spans) line.append(renderSpan(span, ctx));
    root.append(line);
  }
  return root;
};

/**
 * @param {MrkdwnSpan} span
 * @param {RenderContext} ctx
 */
const renderSpan = (span, ctx) => {
  /** @type {HTMLElement} */
  let node;
  if (span.link) {
    const link = el('a', 'mrkdwn-link', span.text);
    link.href = span.link;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    node = link;
  } else if (span.date !== undefined) {
    const date = new Date(span.date * 1000);
    const time = el('time', 'date', Number.isNaN(date.getTime()) ? span.text : date.toLocaleString());
    time.dateTime = Number.isNaN(date.getTime()) ? '' : date.toISOString();
    node = time;
  } else if (span.mention) {
    const { kind, id, label } = span.mention;
    const name =
      kind === 'user'
        ? `@${ctx.userName?.(id) ?? label ?? id}`
        : kind === 'channel'
          ? `#${label ?? ctx.channelName?.(id) ?? id}`
          : `@${id}`;
    node = el('span', 'mention', name);
  } else
    node = el(span.code ? 'code' : 'span', span.code ? 'mrkdwn-code' : '', span.code ? span.text : emojify(span.text));
  if (span.bold) node.classList.add('b');
  if (span.italic) node.classList.add('i');
  if (span.strike) node.classList.add('s');
  return node;
};

/**
 * A text object: mrkdwn is parsed, plain_text is shown as typed (emoji shortcodes aside).
 * @param {TextObject | undefined} obj
 * @param {RenderContext} [ctx]
 */
export const renderText = (obj, ctx = {}) => {
  if (obj?.type === 'mrkdwn') return renderMrkdwn(obj.text, ctx);
  return el('span', 'plain', emojify(textOf(obj)));
};

let generated = 0;
/** @param {string} prefix */
const idFor = (prefix) => {
  generated += 1;
  return `${prefix}-${generated}`;
};

/**
 * Renders a list of blocks. `ctx` may carry:
 * - `onAction(action)`: called with a Slack-shaped action when an interactive element is used
 *   (buttons always; selects and pickers unless they sit in an input block);
 * - `state`: an object filled with `{ [block_id]: { [action_id]: value } }` as Slack's view.state.values;
 * - `errors`: `{ [block_id]: message }` shown under input blocks;
 * - `userName(id)`, `channelName(id)`, `users`, `conversations`: for mentions and pickers;
 * - `confirm(dialog)`: resolves true/false for elements carrying a confirm object.
 * Blocks come from the app as Slack would take them; a block of a type it does not draw says so.
 * @param {unknown} blocks
 * @param {RenderContext} [ctx]
 */
export const renderBlocks = (blocks, ctx = {}) => {
  const root = el('div', 'blocks');
  if (!Array.isArray(blocks)) return root;
  /** @type {KnownBlock[]} */ (blocks).forEach((block, index) => {
    const blockId = typeof block?.block_id === 'string' ? block.block_id : `b${index}`;
    const node = renderBlock(block ?? {}, blockId, ctx);
    node.dataset.blockType = String(block?.type ?? 'unknown');
    node.dataset.blockId = blockId;
    root.append(node);
  });
  return root;
};

/**
 * @param {KnownBlock} block
 * @param {string} blockId
 * @param {RenderContext} ctx
 * @returns {HTMLElement}
 */
const renderBlock = (block, blockId, ctx) => {
  switch (block.type) {
    case 'header':
      return el('div', 'block-header', emojify(textOf(block.text)));
    case 'divider':
      return el('hr', 'block-divider');
    case 'section':
      return renderSection(block, blockId, ctx);
    case 'context': {
      const node = el('div', 'block-context');
      for (const item of block.elements ?? []) {
        node.append(item?.type === 'image' ? imagePlaceholder(item, 'context-image') : renderText(item, ctx));
      }
      return node;
    }
    case 'actions': {
      const node = el('div', 'block-actions');
      for (const element of block.elements ?? []) node.append(renderElement(element, blockId, ctx, true));
      return node;
    }
    case 'input':
      return renderInput(block, blockId, ctx);
    case 'image': {
      const node = el('div', 'block-image');
      if (block.title) node.append(el('div', 'image-title', textOf(block.title)));
      node.append(imagePlaceholder(block, 'image-box'));
      return node;
    }
    case 'markdown':
      // Standard markdown: close enough to mrkdwn once **bold** becomes *bold*.
      return renderMrkdwn(String(block.text ?? '').replace(/\*\*(.+?)\*\*/g, '*$1*'), ctx);
    case 'rich_text':
      return renderRichText(block, ctx);
    default:
      return el('div', 'block-unsupported', `[unsupported block: ${String(block.type ?? 'unknown')}]`);
  }
};

// External images are not fetched: the playground makes no outside requests and shows the alt text.
/**
 * @param {Image} image
 * @param {string} className
 */
const imagePlaceholder = (image, className) => {
  const node = el('span', className, `🖼 ${String(image.alt_text ?? 'image')}`);
  node.title = String(image.alt_text ?? '');
  return node;
};

/**
 * @param {SectionBlock} block
 * @param {string} blockId
 * @param {RenderContext} ctx
 */
const renderSection = (block, blockId, ctx) => {
  const node = el('div', 'block-section');
  const body = el('div', 'section-body');
  if (block.text) body.append(renderText(block.text, ctx));
  if (Array.isArray(block.fields) && block.fields.length > 0) {
    const fields = el('div', 'section-fields');
    for (const field of block.fields) {
      const cell = el('div', 'section-field');
      cell.append(renderText(field, ctx));
      fields.append(cell);
    }
    body.append(fields);
  }
  node.append(body);
  if (block.accessory) {
    const accessory = el('div', 'section-accessory');
    accessory.append(
      block.accessory.type === 'image'
        ? imagePlaceholder(block.accessory, 'accessory-image')
        : renderElement(block.accessory, blockId, ctx, true),
    );
    node.append(accessory);
  }
  return node;
};

/**
 * @param {InputBlock} block
 * @param {string} blockId
 * @param {RenderContext} ctx
 */
const renderInput = (block, blockId, ctx) => {
  const node = el('div', 'block-input');
  const inputId = idFor('input');
  const label = el('label', 'input-label', emojify(textOf(block.label)));
  label.htmlFor = inputId;
  if (block.optional) label.append(el('span', 'optional', ' (optional)'));
  node.append(label);
  const element = renderElement(block.element ?? {}, blockId, ctx, block.dispatch_action === true, inputId);
  node.append(element);
  if (block.hint) node.append(el('div', 'input-hint', textOf(block.hint)));
  const error = ctx.errors?.[blockId];
  if (error) node.append(el('div', 'input-error', String(error)));
  return node;
};

/**
 * Records an element's state as Slack's view.state.values does.
 * @param {RenderContext} ctx
 * @param {string} blockId
 * @param {string} actionId
 * @param {Record<string, unknown>} value
 */
const setState = (ctx, blockId, actionId, value) => {
  if (!ctx.state) return;
  ctx.state[blockId] ??= {};
  ctx.state[blockId][actionId] = value;
};

/** @param {Option | undefined} option */
const optionLabel = (option) => emojify(textOf(option?.text));

/**
 * The options an element lists itself, flattening option groups; none for external data sources.
 * @param {PageElement} element
 * @returns {Option[]}
 */
const flatOptions = (element) => [
  ...('options' in element ? (element.options ?? []) : []),
  ...('option_groups' in element ? (element.option_groups ?? []) : []).flatMap((group) => group.options ?? []),
];

/**
 * An option the page lists from the workspace (a user, a conversation).
 * @param {string} value
 * @param {string} text
 * @returns {Option}
 */
const plainOption = (value, text) => ({ value, text: { type: 'plain_text', text } });

/** @param {RenderContext} ctx */
const userOptions = (ctx) => (ctx.users ?? []).map((u) => plainOption(u.id, u.name));

/**
 * @param {RenderContext} ctx
 * @param {(c: NonNullable<RenderContext['conversations']>[number]) => boolean} [keep]
 */
const conversationOptions = (ctx, keep = () => true) =>
  (ctx.conversations ?? []).filter(keep).map((c) => plainOption(c.id, c.label));

/**
 * @param {RenderContext} ctx
 * @param {PageElement} element
 * @param {BlockActionPayload} action
 */
const dispatch = async (ctx, element, action) => {
  if (!ctx.onAction) return;
  const confirm = 'confirm' in element ? element.confirm : undefined;
  if (confirm && ctx.confirm && !(await ctx.confirm(confirm))) return;
  ctx.onAction(action);
};

/**
 * One interactive element. `dispatches` says whether using it sends a block_actions request
 * (true in actions blocks and accessories; in input blocks only with dispatch_action).
 * @param {PageElement} element
 * @param {string} blockId
 * @param {RenderContext} ctx
 * @param {boolean} dispatches
 * @param {string} [domId]
 * @returns {HTMLElement}
 */
export const renderElement = (element, blockId, ctx, dispatches, domId) => {
  const actionId = typeof element.action_id === 'string' ? element.action_id : idFor('action');
  const base = { type: element.type, action_id: actionId, block_id: blockId };
  switch (element.type) {
    case 'button': {
      const button = el('button', `bk-button${element.style ? ` bk-${element.style}` : ''}`);
      button.type = 'button';
      button.textContent = emojify(textOf(element.text));
      if (element.url) button.dataset.url = String(element.url);
      button.addEventListener('click', () => {
        if (element.url && /^https?:\/\//.test(String(element.url))) {
          window.open(String(element.url), '_blank', 'noopener');
        }
        void dispatch(ctx, element, {
          ...base,
          text: element.text,
          ...(element.value !== undefined ? { value: element.value } : {}),
          ...(element.style ? { style: element.style } : {}),
        });
      });
      return button;
    }
    case 'static_select':
    case 'external_select':
      return renderSelect(element, base, ctx, dispatches, domId, flatOptions(element), 'selected_option');
    case 'users_select':
      return renderSelect(
        element,
        base,
        ctx,
        dispatches,
        domId,
        userOptions(ctx),
        'selected_user',
        element.initial_user,
      );
    case 'conversations_select':
    case 'channels_select': {
      const key = element.type === 'channels_select' ? 'selected_channel' : 'selected_conversation';
      // filter.include uses Slack's kinds: public and private channels, im and mpim.
      const conversations = element.type === 'conversations_select' ? element : undefined;
      const include = conversations?.filter?.include ?? null;
      const options = conversationOptions(
        ctx,
        (c) =>
          (conversations !== undefined || c.kind === 'channel') &&
          (!include || include.includes(c.kind === 'dm' ? 'im' : 'public')),
      );
      const initial = conversations
        ? (conversations.initial_conversation ??
          (conversations.default_to_current_conversation ? ctx.currentConversation : undefined))
        : element.type === 'channels_select'
          ? element.initial_channel
          : undefined;
      return renderSelect(element, base, ctx, dispatches, domId, options, key, initial);
    }
    case 'multi_static_select':
    case 'multi_external_select':
    case 'multi_users_select':
    case 'multi_conversations_select':
    case 'multi_channels_select':
      return renderMultiSelect(element, base, ctx, dispatches, domId);
    case 'overflow':
      return renderOverflow(element, base, ctx);
    case 'radio_buttons':
    case 'checkboxes':
      return renderChoices(element, base, ctx, dispatches);
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return renderTextInput(element, base, ctx, dispatches, domId);
    case 'datepicker': {
      const input = el('input', 'bk-date');
      input.type = 'date';
      if (domId) input.id = domId;
      if (element.initial_date) input.value = String(element.initial_date);
      const update = () =>
        setState(ctx, base.block_id, actionId, { type: 'datepicker', selected_date: input.value || null });
      update();
      input.addEventListener('change', () => {
        update();
        if (dispatches) void dispatch(ctx, element, { ...base, selected_date: input.value });
      });
      return input;
    }
    default:
      return el('span', 'block-unsupported', `[unsupported element: ${String(element.type ?? 'unknown')}]`);
  }
};

/**
 * @param {Select} element
 * @param {ActionBase} base
 * @param {RenderContext} ctx
 * @param {boolean} dispatches
 * @param {string | undefined} domId
 * @param {Option[]} options
 * @param {string} key the state field Slack uses for this select (`selected_option`, `selected_user`…)
 * @param {string} [initialValue]
 */
const renderSelect = (element, base, ctx, dispatches, domId, options, key, initialValue) => {
  const select = el('select', 'bk-select');
  if (domId) select.id = domId;
  select.dataset.actionId = base.action_id;
  const placeholder = el('option', '', textOf(element.placeholder) || 'Select an item');
  placeholder.value = '';
  select.append(placeholder);
  for (const option of options) {
    const node = el('option', '', optionLabel(option));
    node.value = String(option.value);
    select.append(node);
  }
  const initial = initialValue ?? ('initial_option' in element ? element.initial_option?.value : undefined);
  if (initial !== undefined) select.value = String(initial);
  const chosen = () => options.find((o) => String(o.value) === select.value);
  const stateValue = () => {
    const option = chosen();
    if (key === 'selected_option') return option ? { value: option.value, text: option.text } : null;
    return option ? option.value : null;
  };
  setState(ctx, base.block_id, base.action_id, { type: element.type, [key]: stateValue() });
  select.addEventListener('change', () => {
    setState(ctx, base.block_id, base.action_id, { type: element.type, [key]: stateValue() });
    if (dispatches && chosen()) void dispatch(ctx, element, { ...base, [key]: stateValue() });
  });
  return select;
};

/**
 * @param {MultiSelect} element
 * @param {ActionBase} base
 * @param {RenderContext} ctx
 * @param {boolean} dispatches
 * @param {string | undefined} domId
 */
const renderMultiSelect = (element, base, ctx, dispatches, domId) => {
  const kind = element.type.replace('multi_', '');
  const options =
    kind === 'users_select'
      ? userOptions(ctx)
      : kind === 'conversations_select' || kind === 'channels_select'
        ? conversationOptions(ctx)
        : flatOptions(element);
  const key =
    kind === 'users_select'
      ? 'selected_users'
      : kind === 'conversations_select'
        ? 'selected_conversations'
        : kind === 'channels_select'
          ? 'selected_channels'
          : 'selected_options';
  const select = el('select', 'bk-select bk-multi');
  select.multiple = true;
  if (domId) select.id = domId;
  select.dataset.actionId = base.action_id;
  const initial = new Set([
    ...('initial_options' in element ? (element.initial_options ?? []).map((o) => o.value) : []),
    ...('initial_users' in element ? (element.initial_users ?? []) : []),
    ...('initial_conversations' in element ? (element.initial_conversations ?? []) : []),
  ]);
  for (const option of options) {
    const node = el('option', '', optionLabel(option));
    node.value = String(option.value);
    node.selected = initial.has(option.value);
    select.append(node);
  }
  const value = () => {
    const picked = options.filter((o) => [...select.selectedOptions].some((s) => s.value === String(o.value)));
    return key === 'selected_options'
      ? picked.map((o) => ({ value: o.value, text: o.text }))
      : picked.map((o) => o.value);
  };
  setState(ctx, base.block_id, base.action_id, { type: element.type, [key]: value() });
  select.addEventListener('change', () => {
    setState(ctx, base.block_id, base.action_id, { type: element.type, [key]: value() });
    if (dispatches) void dispatch(ctx, element, { ...base, [key]: value() });
  });
  return select;
};

/**
 * @param {Overflow} element
 * @param {ActionBase} base
 * @param {RenderContext} ctx
 */
const renderOverflow = (element, base, ctx) => {
  const wrap = el('span', 'bk-overflow');
  const button = el('button', 'bk-button bk-overflow-button', '⋯');
  button.type = 'button';
  button.setAttribute('aria-label', 'More actions');
  const menu = el('div', 'bk-menu');
  menu.hidden = true;
  for (const option of element.options ?? []) {
    const item = el('button', 'bk-menu-item', optionLabel(option));
    item.type = 'button';
    item.addEventListener('click', () => {
      menu.hidden = true;
      void dispatch(ctx, element, { ...base, selected_option: { value: option.value, text: option.text } });
    });
    menu.append(item);
  }
  button.addEventListener('click', () => {
    menu.hidden = !menu.hidden;
  });
  wrap.append(button, menu);
  return wrap;
};

/**
 * @param {Choices} element
 * @param {ActionBase} base
 * @param {RenderContext} ctx
 * @param {boolean} dispatches
 */
const renderChoices = (element, base, ctx, dispatches) => {
  const radio = element.type === 'radio_buttons';
  const group = el('div', 'bk-choices');
  const name = idFor('choice');
  const options = element.options ?? [];
  const initial = new Set(
    radio ? [element.initial_option?.value] : (element.initial_options ?? []).map((o) => o.value),
  );
  const inputs = options.map((option) => {
    const label = el('label', 'bk-choice');
    const input = el('input');
    input.type = radio ? 'radio' : 'checkbox';
    input.name = name;
    input.value = String(option.value);
    input.checked = initial.has(option.value);
    label.append(input, renderText(option.text, ctx));
    if (option.description) label.append(el('span', 'choice-description', textOf(option.description)));
    group.append(label);
    return input;
  });
  const value = () => {
    const picked = options.filter((_, i) => inputs[i]?.checked).map((o) => ({ value: o.value, text: o.text }));
    return radio ? { selected_option: picked[0] ?? null } : { selected_options: picked };
  };
  setState(ctx, base.block_id, base.action_id, { type: element.type, ...value() });
  for (const input of inputs) {
    input.addEventListener('change', () => {
      setState(ctx, base.block_id, base.action_id, { type: element.type, ...value() });
      if (dispatches) void dispatch(ctx, element, { ...base, ...value() });
    });
  }
  return group;
};

/**
 * @param {TextInput} element
 * @param {ActionBase} base
 * @param {RenderContext} ctx
 * @param {boolean} dispatches
 * @param {string | undefined} domId
 */
const renderTextInput = (element, base, ctx, dispatches, domId) => {
  const multiline = element.type === 'plain_text_input' && element.multiline === true;
  /** @type {HTMLInputElement | HTMLTextAreaElement} */
  let input;
  if (multiline) input = el('textarea', 'bk-text');
  else {
    const line = el('input', 'bk-text');
    line.type = element.type === 'number_input' ? 'number' : element.type === 'email_text_input' ? 'email' : 'text';
    input = line;
  }
  if (domId) input.id = domId;
  input.dataset.actionId = base.action_id;
  input.placeholder = textOf(element.placeholder);
  const maxLength = 'max_length' in element ? element.max_length : undefined;
  if (typeof maxLength === 'number') input.maxLength = maxLength;
  input.value = String(element.initial_value ?? '');
  const update = () =>
    setState(ctx, base.block_id, base.action_id, {
      type: element.type,
      value: input.value === '' ? null : input.value,
    });
  update();
  input.addEventListener('input', update);
  // Enter sends a single-line input; in a textarea it is a new line.
  if (dispatches && input instanceof HTMLInputElement) {
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') void dispatch(ctx, element, { ...base, value: input.value });
    });
  }
  return input;
};

/** @type {Array<['bold' | 'italic' | 'strike', string]>} */
const STYLE_CLASSES = [
  ['bold', 'b'],
  ['italic', 'i'],
  ['strike', 's'],
];

/**
 * @param {RichTextBlock} block
 * @param {RenderContext} ctx
 */
const renderRichText = (block, ctx) => {
  const root = el('div', 'block-rich-text mrkdwn');
  /** @param {RichTextElement[] | undefined} items */
  const inline = (items) => {
    const line = el('div', 'mrkdwn-line');
    for (const item of items ?? []) {
      let node;
      if (item.type === 'link') {
        node = el('a', 'mrkdwn-link', String(item.text ?? item.url ?? ''));
        if (/^https?:\/\//.test(String(item.url))) node.href = String(item.url);
        node.rel = 'noopener noreferrer';
        node.target = '_blank';
      } else if (item.type === 'user') node = el('span', 'mention', `@${ctx.userName?.(item.user_id) ?? item.user_id}`);
      else if (item.type === 'channel')
        node = el('span', 'mention', `#${ctx.channelName?.(item.channel_id) ?? item.channel_id}`);
      else if (item.type === 'emoji') node = el('span', '', emojify(`:${item.name}:`));
      else
        node = el(
          item.style?.code ? 'code' : 'span',
          item.style?.code ? 'mrkdwn-code' : '',
          'text' in item ? String(item.text ?? '') : '',
        );
      for (const [style, cls] of STYLE_CLASSES) if (item.style?.[style]) node.classList.add(cls);
      line.append(node);
    }
    return line;
  };
  for (const part of block.elements ?? []) {
    if (part.type === 'rich_text_list') {
      const list = el(part.style === 'ordered' ? 'ol' : 'ul', 'rich-list');
      for (const item of part.elements ?? []) {
        const li = el('li');
        li.append(inline(item.elements));
        list.append(li);
      }
      root.append(list);
    } else if (part.type === 'rich_text_quote') {
      const quote = inline(part.elements);
      quote.className = 'mrkdwn-quote';
      root.append(quote);
    } else if (part.type === 'rich_text_preformatted') {
      root.append(el('pre', 'mrkdwn-pre', (part.elements ?? []).map((e) => String(e.text ?? '')).join('')));
    } else root.append(inline(part.elements));
  }
  return root;
};
