import { useMutation, useQuery } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../api/trpc.js';
import { downloadText } from '../audit/downloadText.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { RegisterContactsForm } from './RegisterContactsForm.js';
import { RegisterView } from './RegisterView.js';

/**
 * Owners and privacy officers: the project's records of processing (Art. 30), made
 * from the live configuration on every load (`privacy.register`); downloaded as JSON
 * or as a printable HTML page (`privacy.registerHtml`), or printed from here (the
 * print stylesheet leaves only the register). The contacts and recipients are edited
 * below it (`privacy.setRegisterContacts`).
 */
export function RegisterPage({ project }: PageProps) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = { projectId: project.projectId };
  const register = useQuery(trpc.privacy.register.queryOptions(input));
  const day = () => new Date().toISOString().slice(0, 10);
  const downloadHtml = useMutation({
    mutationFn: () => client.privacy.registerHtml.query(input),
    onSuccess: ({ filename, html }) => downloadText(filename, html, 'text/html;charset=utf-8'),
  });

  return (
    <>
      <div class="page-head">
        <h1>Records of processing</h1>
        <span class="no-print">
          <button
            type="button"
            class="button-secondary"
            disabled={!register.data}
            onClick={() =>
              register.data &&
              downloadText(
                `register-${project.projectId}-${day()}.json`,
                JSON.stringify(register.data, null, 2),
                'application/json',
              )
            }
          >
            Download JSON
          </button>{' '}
          <button
            type="button"
            class="button-secondary"
            disabled={downloadHtml.isPending}
            onClick={() => downloadHtml.mutate()}
          >
            Download HTML
          </button>{' '}
          <button type="button" class="button-secondary" onClick={() => print()}>
            Print
          </button>
        </span>
      </div>
      <p class="help">
        The register of Art. 30 GDPR, made from the live settings each time: the purposes from the published
        consent settings, the data from the database schema and the property names received, retention from
        the retention settings. Only the contacts and recipients are typed in.
      </p>
      {downloadHtml.isError && <ErrorNotice error={downloadHtml.error} />}
      {register.isPending && (
        <p class="notice" role="status">
          Loading the register…
        </p>
      )}
      {register.isError && <ErrorNotice error={register.error} onRetry={() => void register.refetch()} />}
      {register.data && (
        <>
          <RegisterView register={register.data} />
          <RegisterContactsForm
            key={register.data.contactsUpdatedAt ?? 0}
            projectId={project.projectId}
            register={register.data}
          />
        </>
      )}
    </>
  );
}
