import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import type { Insight } from '../api/types.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { AddToDashboard } from './AddToDashboard.js';
import { InsightFields } from './InsightFields.js';
import { INSIGHT_VIEWS } from './insightViews.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/** One saved insight in the list: open it, and for editors rename, describe, put on a dashboard, delete. */
export function InsightRow({ insight, mayEdit }: { insight: Insight; mayEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isEditing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ name: insight.name, description: insight.description });
  const onDone = () => {
    void refetchAfterWrite(queryClient, trpc.insights.pathFilter());
    void refetchAfterWrite(queryClient, trpc.dashboards.pathFilter());
  };
  const update = useMutation(
    trpc.insights.update.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        onDone();
      },
    }),
  );
  const remove = useMutation(trpc.insights.delete.mutationOptions({ onSuccess: onDone }));
  const { path, title } = INSIGHT_VIEWS[insight.view];

  return (
    <li class="card insight-row">
      <h2>
        <a href={createProjectHash(insight.projectId, path, insight.params)}>{insight.name}</a>{' '}
        <span class="muted">· {title}</span>
      </h2>
      {insight.description && <p>{insight.description}</p>}
      <p class="help">Saved by {insight.createdBy}</p>
      {mayEdit && isEditing && (
        <form
          class="inline-form"
          aria-label={`Edit ${insight.name}`}
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ projectId: insight.projectId, insightId: insight.insightId, ...draft });
          }}
        >
          <InsightFields
            idPrefix={`insight-${insight.insightId}`}
            name={draft.name}
            description={draft.description}
            onChange={(change) => setDraft({ ...draft, ...change })}
          />
          <button type="submit" disabled={update.isPending}>
            Save
          </button>
        </form>
      )}
      {mayEdit && (
        <div class="tile-controls">
          {!isEditing && (
            <button type="button" class="button-secondary button-small" onClick={() => setEditing(true)}>
              Edit<span class="visually-hidden"> {insight.name}</span>
            </button>
          )}
          <AddToDashboard insight={insight} />
          <ConfirmButton
            label="Delete"
            target={insight.name}
            question="Delete this insight? It leaves every dashboard."
            isPending={remove.isPending}
            onConfirm={() => remove.mutate({ projectId: insight.projectId, insightId: insight.insightId })}
          />
        </div>
      )}
      {update.isError && <ErrorNotice error={update.error} />}
      {remove.isError && <ErrorNotice error={remove.error} />}
    </li>
  );
}
