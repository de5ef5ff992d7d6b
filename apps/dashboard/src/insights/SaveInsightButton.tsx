import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { describeError } from '../api/getErrorCode.js';
import { useTRPC } from '../api/trpc.js';
import type { InsightView } from '../api/types.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { InsightFields } from './InsightFields.js';
import { INSIGHTS_PATH } from './insightPaths.js';
import { INSIGHT_VIEWS } from './insightViews.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

export interface SaveInsightButtonProps {
  projectId: string;
  view: InsightView;
  /** The page's URL parameters, saved as-is. */
  params: Record<string, string>;
}

/**
 * "Save as insight": keeps this view, with its URL state, under a name and a
 * description (`insights.create`), to find in Insights and put on dashboards.
 */
export function SaveInsightButton({ projectId, view, params }: SaveInsightButtonProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const [draft, setDraft] = useState({ name: '', description: '' });
  const save = useMutation(
    trpc.insights.create.mutationOptions({
      onSuccess: () => void refetchAfterWrite(queryClient, trpc.insights.list.pathFilter()),
    }),
  );

  const onSubmit = (event: Event) => {
    event.preventDefault();
    save.mutate({ projectId, view, params, ...draft });
  };

  return (
    <div class="insight-save no-print">
      <button
        type="button"
        class="button-secondary"
        aria-expanded={isOpen}
        aria-controls="save-insight"
        onClick={() => {
          setOpen(!isOpen);
          save.reset();
        }}
      >
        Save as insight
      </button>
      {isOpen && (
        <section id="save-insight" class="card" aria-labelledby="save-insight-heading">
          <h2 id="save-insight-heading">Save this {INSIGHT_VIEWS[view].title.toLowerCase()} as an insight</h2>
          {save.data ? (
            <p role="status">
              Saved “{save.data.name}”.{' '}
              <a href={createProjectHash(projectId, INSIGHTS_PATH)}>Open your insights</a> to put it on a
              dashboard.
            </p>
          ) : (
            <form class="inline-form" onSubmit={onSubmit}>
              <InsightFields
                idPrefix="insight"
                name={draft.name}
                description={draft.description}
                onChange={(change) => setDraft({ ...draft, ...change })}
              />
              <button type="submit" disabled={save.isPending}>
                {save.isPending ? 'Saving…' : 'Save'}
              </button>
            </form>
          )}
          {save.isError && (
            <p class="notice notice-error" role="alert">
              {describeError(save.error)}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
