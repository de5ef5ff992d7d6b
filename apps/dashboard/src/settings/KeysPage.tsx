import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { formatDateTime } from '../format/formatDateTime.js';
import type { PageProps } from '../pages.js';
import { CreateKeyForm, SCOPE_LABELS } from './CreateKeyForm.js';
import { TableScroll } from '../components/TableScroll.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/**
 * Owners: the project's secret keys for scripts and exports (only their first
 * characters: the server keeps no key it could show again), creating one, revoking one.
 */
export function KeysPage({ project }: PageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { projectId: project.projectId };
  const keys = useQuery(trpc.keys.list.queryOptions(input));
  const revoke = useMutation(
    trpc.keys.revoke.mutationOptions({
      onSuccess: () => refetchAfterWrite(queryClient, trpc.keys.list.queryFilter(input)),
    }),
  );

  return (
    <>
      <h1>API keys</h1>
      <p class="help">
        A secret key lets a script read this project through the API (<code>Authorization: Bearer sk_…</code>
        ). Give each script its own key, with the narrowest scope, and revoke it when the script goes.
      </p>
      <CreateKeyForm projectId={project.projectId} />
      {revoke.isError && <ErrorNotice error={revoke.error} />}
      {keys.isPending && (
        <p class="notice" role="status">
          Loading the keys…
        </p>
      )}
      {keys.isError && <ErrorNotice error={keys.error} onRetry={() => void keys.refetch()} />}
      {keys.data && keys.data.length === 0 && <p class="notice">This project has no secret key.</p>}
      {keys.data && keys.data.length > 0 && (
        <TableScroll label="Secret keys">
          <table class="data-table">
            <caption>Secret keys</caption>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Key</th>
                <th scope="col">Scope</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <tr key={key.keyId}>
                  <th scope="row">{key.label}</th>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{SCOPE_LABELS[key.scope]}</td>
                  <td class="when">{formatDateTime(key.createdAt)}</td>
                  <td class="when">{key.lastUsedAt === null ? 'never' : formatDateTime(key.lastUsedAt)}</td>
                  <td>
                    <ConfirmButton
                      label="Revoke"
                      target={`the key ${key.label}`}
                      question="Scripts using it will stop working. Revoke?"
                      isPending={revoke.isPending}
                      onConfirm={() => revoke.mutate({ ...input, keyId: key.keyId })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
