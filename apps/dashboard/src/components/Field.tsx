import type { ComponentChildren } from 'preact';

export interface FieldProps {
  /** The control's id, which the label points at. */
  id: string;
  label: string;
  /** What is wrong with the value, shown under the control as `${id}-problem`. */
  problem?: string | undefined;
  /** A hint under the control, as `${id}-help`. */
  help?: ComponentChildren;
  /** The control; give it `aria-describedby={describeField(id, problem, help)}`. */
  children: ComponentChildren;
}

/** A labelled form control with its hint and its problem under it. */
export function Field({ id, label, problem, help, children }: FieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {help !== undefined && (
        <p id={`${id}-help`} class="help">
          {help}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} class="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}

/** The `aria-describedby` of a {@link Field}'s control: its problem, then its hint. */
export function describeField(id: string, problem: string | undefined, help?: unknown): string | undefined {
  const ids = [problem ? `${id}-problem` : '', help !== undefined ? `${id}-help` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
