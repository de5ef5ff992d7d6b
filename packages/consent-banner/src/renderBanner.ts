import type { ConsentCategory } from './types.js';
import type { BannerTexts, ConsentLanguage, PublishedConsentConfig } from '@parcours/schema/consentConfig';
import { BANNER_STYLES } from './bannerStyles.js';

/** The link to the privacy policy: the one text the config does not hold. */
const POLICY_LINK: Record<ConsentLanguage, string> = {
  fr: 'Politique de confidentialité',
  en: 'Privacy policy',
};

/** Creates an element with a class, a text and attributes. */
export const createElement = (
  tag: string,
  className = '',
  text = '',
  attributes: Record<string, string> = {},
): HTMLElement => {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  for (const name in attributes) element.setAttribute(name, attributes[name]!);
  return element;
};

/** Adds the style sheet once. */
export const addStyles = () => {
  if (document.getElementById('pcb-s')) return;
  const style = createElement('style', '', BANNER_STYLES, { id: 'pcb-s' });
  document.head.append(style);
};

/** What the visitor can do in the first layer. */
export interface FirstLayerActions {
  acceptAll: () => void;
  refuseAll: () => void;
  customise: () => void;
}

/** The dialog's shell: `role="dialog"` named by its title, in the language shown, with ×. */
export const renderDialog = (texts: BannerTexts, lang: ConsentLanguage, onClose: () => void) => {
  const dialog = createElement('div', 'pcb', '', {
    role: 'dialog',
    lang,
    'aria-labelledby': 'pcb-t',
    'aria-describedby': 'pcb-b',
  });
  const close = createElement('button', 'pcb-x', '×', { type: 'button', 'aria-label': texts.close });
  close.onclick = onClose;
  dialog.append(close);
  return dialog;
};

/** The first layer: title, body (with the controller and policy link), GPC notice, three buttons. */
export const renderFirstLayer = (
  dialog: HTMLElement,
  config: PublishedConsentConfig,
  lang: ConsentLanguage,
  gpc: boolean,
  actions: FirstLayerActions,
) => {
  const texts = config.texts[lang];
  const body = createElement('p', '', texts.body + ' ', { id: 'pcb-b' });
  body.append(
    createElement('a', '', POLICY_LINK[lang] + ' (' + config.controllerName + ')', {
      href: config.privacyPolicyUrl,
    }),
  );
  const buttons = createElement('div', 'pcb-a');
  const button = (className: string, text: string, onClick: () => void) => {
    const element = createElement('button', className, text, { type: 'button' });
    element.onclick = onClick;
    buttons.append(element);
  };
  button('pcb-p', texts.acceptAll, actions.acceptAll);
  button('pcb-p', texts.refuseAll, actions.refuseAll);
  button('pcb-c', texts.customise, actions.customise);
  dialog.append(createElement('h2', '', texts.title, { id: 'pcb-t' }), body);
  if (gpc) dialog.append(createElement('p', 'pcb-g', texts.gpcNotice));
  dialog.append(buttons);
};

/**
 * The preferences: one switch per offered category, off unless `checked` says (a change of
 * mind starts from what is granted), and "save". Returns nothing; `onSave` gets the choice.
 */
export const renderPreferences = (
  dialog: HTMLElement,
  config: PublishedConsentConfig,
  lang: ConsentLanguage,
  gpc: boolean,
  checked: ConsentCategory[],
  onSave: (chosen: ConsentCategory[]) => void,
) => {
  const texts = config.texts[lang];
  const list = createElement('fieldset');
  list.append(createElement('legend', '', texts.customise, { id: 'pcb-b' }));
  const inputs = config.categories.map((category) => {
    const { label, description } = texts.categories[category];
    const input = createElement('input', '', '', {
      type: 'checkbox',
      role: 'switch',
      id: 'pcb-' + category,
      'aria-describedby': 'pcb-d-' + category,
    }) as HTMLInputElement;
    input.checked = checked.includes(category);
    const row = createElement('label', '', '', { for: input.id });
    row.append(input, label);
    list.append(row, createElement('p', '', description, { id: 'pcb-d-' + category }));
    return input;
  });
  const save = createElement('button', 'pcb-p pcb-c', texts.save, { type: 'button' });
  save.onclick = () => onSave(config.categories.filter((_, index) => inputs[index]!.checked));
  dialog.append(createElement('h2', '', texts.title, { id: 'pcb-t' }), list);
  if (gpc) dialog.append(createElement('p', 'pcb-g', texts.gpcNotice));
  const actions = createElement('div', 'pcb-a');
  actions.append(save);
  dialog.append(actions);
};
