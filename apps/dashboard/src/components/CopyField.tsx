import { useRef, useState } from 'preact/hooks';

export interface CopyFieldProps {
  id: string;
  label: string;
  value: string;
  /** Several lines (a snippet): a text area instead of a one-line field. */
  multiline?: boolean;
}

/**
 * A read-only value with a Copy button: a link, a key, a snippet. Where the clipboard
 * is not allowed the text is selected instead, for Ctrl+C; either way a status line
 * says what happened.
 */
export function CopyField({ id, label, value, multiline = false }: CopyFieldProps) {
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('Copied.');
    } catch {
      field.current?.select();
      setStatus('Selected: press Ctrl+C (⌘C on a Mac) to copy.');
    }
  };
  const props = {
    id,
    ref: field,
    readOnly: true,
    value,
    spellcheck: false,
    class: 'copy-value',
    onFocus: () => field.current?.select(),
  };
  return (
    <div class="field copy-field">
      <label for={id}>{label}</label>
      <div class="copy-row">
        {multiline ? <textarea {...props} rows={value.split('\n').length} /> : <input {...props} />}
        <button type="button" class="button-secondary" onClick={() => void copy()}>
          Copy<span class="visually-hidden"> {label.toLowerCase()}</span>
        </button>
      </div>
      <p class="help" role="status">
        {status}
      </p>
    </div>
  );
}
