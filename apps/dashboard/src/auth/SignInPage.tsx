import { useMutation } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import type { Me } from '../api/types.js';
import { describeSignInError } from './describeSignInError.js';

export interface SignInPageProps {
  /** Why the user is here again, e.g. a session that ended. */
  message?: string | undefined;
  /** The server set the session cookie: here is who signed in. */
  onSignedIn: (me: Me) => void;
}

/**
 * Sign-in by email and password (`auth.signIn`). On success the server sets the
 * HttpOnly session cookie; the app only keeps what `auth.signIn` answered.
 */
export function SignInPage({ message, onSignedIn }: SignInPageProps) {
  const trpc = useTRPC();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const signIn = useMutation(
    // A 401 here is a wrong password, not an ended session.
    trpc.auth.signIn.mutationOptions({ meta: { expectsUnauthorized: true }, onSuccess: onSignedIn }),
  );

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const isMissing = email.trim() === '' || password === '';
    setMissing(isMissing);
    if (!isMissing) signIn.mutate({ email: email.trim(), password });
  };

  const problem = missing
    ? 'Enter your email and your password.'
    : signIn.isError
      ? describeSignInError(signIn.error)
      : undefined;
  return (
    <main class="sign-in">
      <p class="brand" aria-hidden="true">
        Parcours
      </p>
      <form class="card" onSubmit={onSubmit} noValidate>
        <h1>Sign in to Parcours</h1>
        {message && !problem && (
          <p class="notice" role="status">
            {message}
          </p>
        )}
        {problem && (
          <p class="notice notice-error" role="alert">
            {problem}
          </p>
        )}
        <label for="sign-in-email">Email</label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="username"
          spellcheck={false}
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <label for="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <p class="help">
          No account yet? An owner of a project invites you by email; the first account of a new server is set
          up with the link <code>parcours start</code> prints.
        </p>
      </form>
    </main>
  );
}
