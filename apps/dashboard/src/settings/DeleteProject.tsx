import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import type { Project } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/**
 * Deletes the project and everything it holds (`admin.deleteProject`), once its name
 * is typed; then the app opens another project.
 */
export function DeleteProject({ project }: { project: Project }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirmName, setConfirmName] = useState('');
  const remove = useMutation(
    trpc.admin.deleteProject.mutationOptions({
      onSuccess: async () => {
        await refetchAfterWrite(queryClient, trpc.auth.me.queryFilter());
        location.hash = '#/';
      },
    }),
  );
  const matches = confirmName === project.name;

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (matches) remove.mutate({ projectId: project.projectId, confirmName });
  };

  return (
    <section class="card danger-zone" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete the project</h2>
      <p>
        This deletes every touchpoint, person, consent record, key, invitation and share link of{' '}
        <strong>{project.name}</strong>, for good. There is no undo.
      </p>
      <form class="inline-form" onSubmit={onSubmit}>
        <div class="field field-grow">
          <label for="delete-confirm">Type the project’s name, “{project.name}”, to confirm</label>
          <input
            id="delete-confirm"
            autoComplete="off"
            value={confirmName}
            onInput={(event) => setConfirmName(event.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button-danger" disabled={!matches || remove.isPending}>
          {remove.isPending ? 'Deleting…' : 'Delete the project'}
        </button>
      </form>
      {remove.isError && <ErrorNotice error={remove.error} />}
    </section>
  );
}
