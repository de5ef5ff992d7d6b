import { useMutation } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { ROLE_LABELS } from '../access/can.js';
import { describeError, getErrorCode } from '../api/getErrorCode.js';
import { useTRPC } from '../api/trpc.js';
import type { Invitation, Me } from '../api/types.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { describeField, Field } from '../components/Field.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { replaceHash } from '../routing/useHashRoute.js';
import { checkNewPassword, MIN_PASSWORD_LENGTH } from './checkNewPassword.js';

export interface AcceptInvitationFormProps {
  token: string;
  invitation: Invitation;
  onSignedIn: (me: Me) => void;
}

/**
 * Accepts an invitation (`auth.acceptInvitation`), which signs in. A project
 * invitation shows the project, the role and the invited email (fixed); the set-up
 * link of a new server asks for the email too. Someone who already has an account
 * only proves it with their password.
 */
export function AcceptInvitationForm({ token, invitation, onSignedIn }: AcceptInvitationFormProps) {
  const trpc = useTRPC();
  const isSetup = invitation.kind === 'setup';
  const [email, setEmail] = useState(invitation.email);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<{ email?: string; name?: string; password?: string }>({});
  const accept = useMutation(
    trpc.auth.acceptInvitation.mutationOptions({
      // 401 here means a wrong password for an existing account, not an ended session.
      meta: { expectsUnauthorized: true },
      onSuccess: (me) => {
        onSignedIn(me);
        const joined = me.projects.find(
          (p) => p.name === invitation.projectName && p.role === invitation.role,
        );
        // Out of the address bar and history: the token is spent.
        replaceHash(joined ? createProjectHash(joined.projectId, '') : '#/');
      },
    }),
  );

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const found = {
      email: isSetup && email.trim() === '' ? 'Enter your email.' : undefined,
      name: !invitation.hasAccount && name.trim() === '' ? 'Enter your name.' : undefined,
      password: invitation.hasAccount
        ? password === ''
          ? 'Enter your password.'
          : undefined
        : checkNewPassword(password),
    };
    setProblems(found);
    if (found.email || found.name || found.password) return;
    accept.mutate({
      token,
      // The server keeps an existing account's name; it still wants one.
      name: invitation.hasAccount ? invitation.email : name.trim(),
      password,
      ...(isSetup ? { email: email.trim() } : {}),
    });
  };

  const error = accept.isError
    ? getErrorCode(accept.error) === 'UNAUTHORIZED'
      ? `Wrong password for ${invitation.email}.`
      : getErrorCode(accept.error) === 'NOT_FOUND'
        ? 'This invitation link has expired, was revoked or was already used.'
        : describeError(accept.error)
    : undefined;
  const passwordHelp = invitation.hasAccount
    ? undefined
    : `At least ${MIN_PASSWORD_LENGTH} characters. A passphrase of a few words is easy to remember.`;
  const role = invitation.role ? ROLE_LABELS[invitation.role].toLowerCase() : undefined;

  return (
    <form class="stack" onSubmit={onSubmit} noValidate>
      {isSetup ? (
        <>
          <h1>Set up Parcours</h1>
          <p>Create the first account of this server. It administers the server and owns every project.</p>
        </>
      ) : (
        <>
          <h1>
            Join {invitation.projectName} as {role}
          </h1>
          <p class="help">This invitation can be used once, until {formatDateTime(invitation.expiresAt)}.</p>
        </>
      )}
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <Field id="invitation-email" label="Email" problem={problems.email}>
        <input
          id="invitation-email"
          type="email"
          autoComplete="username"
          spellcheck={false}
          readOnly={!isSetup}
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
          aria-invalid={problems.email !== undefined}
          aria-describedby={describeField('invitation-email', problems.email)}
        />
      </Field>
      {invitation.hasAccount ? (
        <p class="help">
          {invitation.email} already has a Parcours account: enter its password to join the project.
        </p>
      ) : (
        <Field id="invitation-name" label="Your name" problem={problems.name}>
          <input
            id="invitation-name"
            autoComplete="name"
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
            aria-invalid={problems.name !== undefined}
            aria-describedby={describeField('invitation-name', problems.name)}
          />
        </Field>
      )}
      <Field
        id="invitation-password"
        label={invitation.hasAccount ? 'Password' : 'Choose a password'}
        problem={problems.password}
        help={passwordHelp}
      >
        <input
          id="invitation-password"
          type="password"
          autoComplete={invitation.hasAccount ? 'current-password' : 'new-password'}
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
          aria-invalid={problems.password !== undefined}
          aria-describedby={describeField('invitation-password', problems.password, passwordHelp)}
        />
      </Field>
      <button type="submit" disabled={accept.isPending}>
        {accept.isPending ? 'Joining…' : isSetup ? 'Create the account' : 'Join the project'}
      </button>
    </form>
  );
}
