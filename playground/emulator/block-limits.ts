/**
 * Block Kit limits the emulated Web API enforces, so a builder that would be rejected by Slack
 * fails in tests too. Numbers follow Slack's Block Kit reference.
 */
export const BLOCK_LIMITS = {
  messageBlocks: 50,
  surfaceBlocks: 100,
  sectionText: 3000,
  sectionField: 2000,
  sectionFields: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  actionsElements: 25,
  contextElements: 10,
  contextText: 2000,
  optionText: 75,
  optionValue: 150,
  options: 100,
  messageText: 40_000,
  viewTitle: 24,
  privateMetadata: 3000,
} as const;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const textOf = (value: unknown): string | undefined =>
  isObject(value) && typeof value.text === 'string' ? value.text : undefined;

const tooLong = (what: string, value: string | undefined, max: number): string | null =>
  value !== undefined && [...value].length > max ? `${what} must be at most ${max} characters` : null;

const checkOption = (option: unknown, at: string): string | null => {
  if (!isObject(option)) return `${at} must be an object`;
  return (
    tooLong(`${at}.text`, textOf(option.text), BLOCK_LIMITS.optionText) ??
    tooLong(`${at}.value`, typeof option.value === 'string' ? option.value : undefined, BLOCK_LIMITS.optionValue)
  );
};

const checkElement = (element: unknown, at: string): string | null => {
  if (!isObject(element)) return `${at} must be an object`;
  const actionId = typeof element.action_id === 'string' ? element.action_id : undefined;
  const problem = tooLong(`${at}.action_id`, actionId, BLOCK_LIMITS.actionId);
  if (problem) return problem;
  if (element.type === 'button') {
    if (textOf(element.text) === undefined) return `${at}.text is required`;
    return (
      tooLong(`${at}.text`, textOf(element.text), BLOCK_LIMITS.buttonText) ??
      tooLong(`${at}.value`, typeof element.value === 'string' ? element.value : undefined, BLOCK_LIMITS.buttonValue)
    );
  }
  if (Array.isArray(element.options)) {
    if (element.options.length > BLOCK_LIMITS.options) return `${at}.options must have at most ${BLOCK_LIMITS.options}`;
    for (const [i, option] of element.options.entries()) {
      const optionProblem = checkOption(option, `${at}.options[${i}]`);
      if (optionProblem) return optionProblem;
    }
  }
  return null;
};

const checkBlock = (block: unknown, at: string): string | null => {
  if (!isObject(block) || typeof block.type !== 'string') return `${at} must be a block with a type`;
  const blockId = typeof block.block_id === 'string' ? block.block_id : undefined;
  const idProblem = tooLong(`${at}.block_id`, blockId, BLOCK_LIMITS.blockId);
  if (idProblem) return idProblem;
  switch (block.type) {
    case 'section': {
      const text = textOf(block.text);
      const fields = Array.isArray(block.fields) ? block.fields : [];
      if (text === undefined && fields.length === 0) return `${at} needs text or fields`;
      if (fields.length > BLOCK_LIMITS.sectionFields) return `${at}.fields must have at most 10 items`;
      for (const [i, field] of fields.entries()) {
        const problem = tooLong(`${at}.fields[${i}]`, textOf(field), BLOCK_LIMITS.sectionField);
        if (problem) return problem;
      }
      return (
        tooLong(`${at}.text`, text, BLOCK_LIMITS.sectionText) ??
        (block.accessory === undefined ? null : checkElement(block.accessory, `${at}.accessory`))
      );
    }
    case 'header':
      return textOf(block.text) === undefined
        ? `${at}.text is required`
        : tooLong(`${at}.text`, textOf(block.text), BLOCK_LIMITS.headerText);
    case 'actions': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0) return `${at}.elements must not be empty`;
      if (elements.length > BLOCK_LIMITS.actionsElements) return `${at}.elements must have at most 25 items`;
      for (const [i, element] of elements.entries()) {
        const problem = checkElement(element, `${at}.elements[${i}]`);
        if (problem) return problem;
      }
      return null;
    }
    case 'context': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0) return `${at}.elements must not be empty`;
      if (elements.length > BLOCK_LIMITS.contextElements) return `${at}.elements must have at most 10 items`;
      for (const [i, element] of elements.entries()) {
        const problem = tooLong(`${at}.elements[${i}].text`, textOf(element), BLOCK_LIMITS.contextText);
        if (problem) return problem;
      }
      return null;
    }
    case 'input':
      return isObject(block.element) ? checkElement(block.element, `${at}.element`) : `${at}.element is required`;
    default:
      return null;
  }
};

/** Returns the first problem with a list of blocks, or null when Slack would accept them. */
export const checkBlocks = (blocks: unknown, surface: 'message' | 'modal' | 'home'): string | null => {
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  const max = surface === 'message' ? BLOCK_LIMITS.messageBlocks : BLOCK_LIMITS.surfaceBlocks;
  if (blocks.length > max) return `no more than ${max} items allowed [json-pointer:/blocks]`;
  for (const [i, block] of blocks.entries()) {
    const problem = checkBlock(block, `/blocks/${i}`);
    if (problem) return problem;
  }
  return null;
};

/** Checks a modal or home view: blocks plus title and metadata lengths. */
export const checkView = (view: unknown): string | null => {
  if (!isObject(view)) return 'view must be an object';
  const type = view.type;
  if (type !== 'modal' && type !== 'home') return 'view.type must be modal or home';
  if (type === 'modal' && textOf(view.title) === undefined) return 'view.title is required';
  return (
    tooLong('view.title', textOf(view.title), BLOCK_LIMITS.viewTitle) ??
    tooLong('view.submit', textOf(view.submit), BLOCK_LIMITS.viewTitle) ??
    tooLong('view.close', textOf(view.close), BLOCK_LIMITS.viewTitle) ??
    tooLong(
      'view.private_metadata',
      typeof view.private_metadata === 'string' ? view.private_metadata : undefined,
      BLOCK_LIMITS.privateMetadata,
    ) ??
    checkBlocks(view.blocks ?? [], type)
  );
};
