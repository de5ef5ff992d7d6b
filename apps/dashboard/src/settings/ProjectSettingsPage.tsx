import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { CopyField } from '../components/CopyField.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { createNpmSnippet, createScriptTag } from './createSnippets.js';
import { DeleteProject } from './DeleteProject.js';
import { ProjectTimeZone } from './ProjectTimeZone.js';
import { RenameProject } from './RenameProject.js';
import { ReportBrandForm } from './ReportBrandForm.js';
import { SignedIdentities } from './SignedIdentities.js';

/**
 * Owners: the project's name, its time zone, its write key with the snippets that use
 * it, signed identities, and deleting the project.
 */
export function ProjectSettingsPage({ project }: PageProps) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.admin.project.queryOptions({ projectId: project.projectId }));
  const origin = location.origin;

  return (
    <>
      <h1>Project settings</h1>
      <RenameProject project={project} />
      {settings.data && (
        <ProjectTimeZone
          key={settings.data.timeZone}
          projectId={project.projectId}
          timeZone={settings.data.timeZone}
        />
      )}
      <section class="card" aria-labelledby="collect-heading">
        <h2 id="collect-heading">Collect touchpoints</h2>
        <p class="help">
          The write key only sends touchpoints and consent; it reads nothing, so it can sit in a web page or
          an app.
        </p>
        {settings.isPending && (
          <p class="notice" role="status">
            Loading the write key…
          </p>
        )}
        {settings.isError && <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />}
        {settings.data && (
          <>
            <CopyField id="write-key" label="Write key" value={settings.data.writeKey} />
            <CopyField
              id="script-tag"
              label="Script tag, for a site’s <head>"
              value={createScriptTag(origin, settings.data.writeKey)}
              multiline
            />
            <CopyField
              id="npm-snippet"
              label="With npm, for an app with a bundler"
              value={createNpmSnippet(origin, settings.data.writeKey)}
              multiline
            />
          </>
        )}
      </section>
      <SignedIdentities project={project} />
      <ReportBrandForm project={project} />
      <DeleteProject project={project} />
    </>
  );
}
