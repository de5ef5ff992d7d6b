import { useState } from 'preact/hooks';
import { describeKeyProblem } from '../session/describeKeyProblem.js';

export interface SignInProps {
  /** Why the user is here again, e.g. a refused key. */
  message?: string | undefined;
  onSignIn: (secretKey: string) => void;
}

/**
 * Sign-in by the project's secret key. The server checks it (`admin.project`); this
 * form only catches the obvious slips, such as pasting the write key.
 */
export function SignIn({ message, onSignIn }: SignInProps) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string>();

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const found = describeKeyProblem(value);
    setProblem(found);
    if (found === undefined) onSignIn(value.trim());
  };

  return (
    <main class="sign-in">
      <p class="brand" aria-hidden="true">
        Parcours
      </p>
      <form class="card" onSubmit={onSubmit} noValidate>
        <h1>Sign in to Parcours</h1>
        {message && (
          <p class="notice notice-error" role="alert">
            {message}
          </p>
        )}
        <label for="secret-key">Project secret key</label>
        <input
          id="secret-key"
          name="secret-key"
          type="password"
          autoComplete="off"
          spellcheck={false}
          placeholder="sk_…"
          value={value}
          onInput={(event) => setValue(event.currentTarget.value)}
          aria-invalid={problem !== undefined}
          aria-describedby={problem ? 'secret-key-problem secret-key-help' : 'secret-key-help'}
        />
        {problem && (
          <p id="secret-key-problem" class="field-error">
            {problem}
          </p>
        )}
        <p id="secret-key-help" class="help">
          <code>parcours start</code> and <code>parcours project create</code> print it. It stays in this
          browser tab only and is forgotten when the tab closes.
        </p>
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
