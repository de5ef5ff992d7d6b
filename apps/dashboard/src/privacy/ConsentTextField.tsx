import { describeField, Field } from '../components/Field.js';
import { describeConsentField } from './describeConsentField.js';

export interface ConsentTextFieldProps {
  /** The field's dotted path in the settings, e.g. `texts.fr.title`: its id and label come from it. */
  path: string;
  value: string;
  onInput: (value: string) => void;
  problem?: string | undefined;
  /** A text area for long texts. Default false. */
  multiline?: boolean;
  /** The language the text is written in, so screen readers read it in that language. */
  lang?: string;
  /** The label; default {@link describeConsentField} of `path`. */
  label?: string;
  type?: 'text' | 'url';
}

/** The id of a settings field's control, from its dotted path: `texts.fr.title` → `consent-texts-fr-title`. */
export function getConsentFieldId(path: string): string {
  return `consent-${path.replace(/\./g, '-')}`;
}

/** One text of the consent settings, labelled, with its problem under it. */
export function ConsentTextField(props: ConsentTextFieldProps) {
  const { path, value, onInput, problem, multiline = false, lang, type = 'text' } = props;
  const id = getConsentFieldId(path);
  const control = {
    id,
    value,
    lang,
    'aria-invalid': problem ? ('true' as const) : undefined,
    'aria-describedby': describeField(id, problem),
    onInput: (event: { currentTarget: { value: string } }) => onInput(event.currentTarget.value),
  };
  return (
    <Field id={id} label={props.label ?? describeConsentField(path)} problem={problem}>
      {multiline ? <textarea {...control} rows={3} /> : <input {...control} type={type} autoComplete="off" />}
    </Field>
  );
}
