import { useMutation } from '@tanstack/react-query';
import type { PersonTimeline } from '../api/types.js';
import { useTRPCClient } from '../api/trpc.js';
import { downloadText } from '../audit/downloadText.js';
import { ErrorNotice } from '../components/ErrorNotice.js';

/**
 * Owners and privacy officers: "Download export", every row about the person in every
 * table (`privacy.exportPerson`, audited), saved as JSON. Asked on a click, never
 * cached: the file is about the data as it is now. The person is named by their user
 * id, or by their device's id when they never identified.
 */
export function ExportPersonButton({
  projectId,
  person,
}: {
  projectId: string;
  person: PersonTimeline['person'];
}) {
  const client = useTRPCClient();
  const [userId] = person.userIds;
  const exportPerson = useMutation({
    mutationFn: () =>
      client.privacy.exportPerson.query(
        userId !== undefined ? { projectId, userId } : { projectId, anonymousId: person.anonymousIds[0]! },
      ),
    onSuccess: (document) => {
      const name = document.person.id.replace(/[^\w.@-]+/g, '_');
      downloadText(
        `parcours-person-${name}.json`,
        `${JSON.stringify(document, null, 2)}\n`,
        'application/json',
      );
    },
  });
  return (
    <div class="person-export">
      <button
        type="button"
        class="button-secondary"
        disabled={exportPerson.isPending}
        onClick={() => exportPerson.mutate()}
      >
        {exportPerson.isPending ? 'Exporting…' : 'Download export (JSON)'}
      </button>
      {exportPerson.isError && <ErrorNotice error={exportPerson.error} />}
    </div>
  );
}
