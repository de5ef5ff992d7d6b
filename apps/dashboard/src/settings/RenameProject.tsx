import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import type { Project } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/** Renames the project (`admin.renameProject`); the project switcher follows. */
export function RenameProject({ project }: { project: Project }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(project.name);
  const rename = useMutation(
    trpc.admin.renameProject.mutationOptions({
      onSuccess: () =>
        Promise.all([
          refetchAfterWrite(queryClient, trpc.auth.me.queryFilter()),
          refetchAfterWrite(queryClient, trpc.admin.project.queryFilter({ projectId: project.projectId })),
        ]),
    }),
  );

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (name.trim() !== '') rename.mutate({ projectId: project.projectId, name: name.trim() });
  };

  return (
    <section class="card" aria-labelledby="name-heading">
      <h2 id="name-heading">Name</h2>
      <form class="inline-form" onSubmit={onSubmit}>
        <div class="field field-grow">
          <label for="project-name">Project name</label>
          <input
            id="project-name"
            required
            maxLength={100}
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </div>
        <button type="submit" disabled={rename.isPending || name.trim() === project.name}>
          {rename.isPending ? 'Renaming…' : 'Rename'}
        </button>
      </form>
      {rename.isError && <ErrorNotice error={rename.error} />}
      <p class="help" role="status">
        {rename.isSuccess && `Renamed to “${rename.data.name}”.`}
      </p>
    </section>
  );
}
