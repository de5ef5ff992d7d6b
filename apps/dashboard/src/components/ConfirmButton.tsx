import { useEffect, useRef, useState } from 'preact/hooks';

export interface ConfirmButtonProps {
  /** The button's words, e.g. `Revoke`. */
  label: string;
  /** What it acts on, for screen readers: `Revoke` alone is ambiguous in a table. */
  target: string;
  /** The question asked before acting, e.g. `Revoke this key?`. */
  question: string;
  isPending: boolean;
  onConfirm: () => void;
}

/**
 * A button for what cannot be undone (revoke, remove): the first press asks, the
 * second acts. Inline rather than `confirm()`, so it is styled, reachable and testable.
 */
export function ConfirmButton({ label, target, question, isPending, onConfirm }: ConfirmButtonProps) {
  const [isAsking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (isAsking) confirm.current?.focus();
  }, [isAsking]);

  if (!isAsking)
    return (
      <button type="button" class="button-secondary button-small" onClick={() => setAsking(true)}>
        {label}
        <span class="visually-hidden"> {target}</span>
      </button>
    );
  return (
    <span class="confirm">
      <span>{question}</span>{' '}
      <button
        type="button"
        ref={confirm}
        class="button-danger button-small"
        disabled={isPending}
        onClick={onConfirm}
      >
        {isPending ? 'Working…' : `Yes, ${label.toLowerCase()}`}
        <span class="visually-hidden"> {target}</span>
      </button>{' '}
      <button type="button" class="button-secondary button-small" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
