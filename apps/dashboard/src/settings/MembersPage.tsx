import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS } from '../access/can.js';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { formatDateTime } from '../format/formatDateTime.js';
import type { PageProps } from '../pages.js';
import { InviteForm } from './InviteForm.js';
import { RoleSelect } from './RoleSelect.js';
import { TableScroll } from '../components/TableScroll.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/**
 * Owners: who is in the project with which role (change it, remove them), the
 * invitations not yet accepted (revoke them), and inviting someone.
 */
export function MembersPage({ project }: PageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { projectId: project.projectId };
  const list = useQuery(trpc.members.list.queryOptions(input));
  const refresh = () =>
    Promise.all([
      refetchAfterWrite(queryClient, trpc.members.list.queryFilter(input)),
      // The user may have changed or removed their own role.
      refetchAfterWrite(queryClient, trpc.auth.me.queryFilter()),
    ]);
  const setRole = useMutation(trpc.members.setRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.members.revokeInvitation.mutationOptions({ onSuccess: refresh }));
  const failed = [setRole, remove, revoke].find((mutation) => mutation.isError);

  return (
    <>
      <h1>Members</h1>
      {failed && <ErrorNotice error={failed.error} />}
      {list.isPending && (
        <p class="notice" role="status">
          Loading the members…
        </p>
      )}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <TableScroll label="Members">
          <table class="data-table">
            <caption>
              {list.data.members.length} {list.data.members.length === 1 ? 'member' : 'members'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Member since</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.members.map((member) => (
                <tr key={member.userId}>
                  <th scope="row">{member.name}</th>
                  <td>{member.email}</td>
                  <td>
                    <RoleSelect
                      id={`role-${member.userId}`}
                      label={`Role of ${member.name}`}
                      value={member.role}
                      disabled={setRole.isPending}
                      onChange={(role) => {
                        resetAll();
                        setRole.mutate({ ...input, userId: member.userId, role });
                      }}
                    />
                  </td>
                  <td class="when">{formatDateTime(member.since)}</td>
                  <td>
                    <ConfirmButton
                      label="Remove"
                      target={member.name}
                      question={`Remove ${member.name}?`}
                      isPending={remove.isPending}
                      onConfirm={() => {
                        resetAll();
                        remove.mutate({ ...input, userId: member.userId });
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {list.data && list.data.invitations.length > 0 && (
        <TableScroll label="Pending invitations">
          <table class="data-table">
            <caption>Pending invitations</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Invited by</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.invitations.map((invitation) => (
                <tr key={invitation.invitationId}>
                  <th scope="row">{invitation.email}</th>
                  <td>{ROLE_LABELS[invitation.role]}</td>
                  <td>{invitation.invitedBy ?? '—'}</td>
                  <td class="when">{formatDateTime(invitation.expiresAt)}</td>
                  <td>
                    <ConfirmButton
                      label="Revoke"
                      target={`the invitation of ${invitation.email}`}
                      question="Revoke this invitation?"
                      isPending={revoke.isPending}
                      onConfirm={() => {
                        resetAll();
                        revoke.mutate({ ...input, invitationId: invitation.invitationId });
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <InviteForm projectId={project.projectId} />
    </>
  );

  function resetAll() {
    setRole.reset();
    remove.reset();
    revoke.reset();
  }
}
