import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { TouchpointNameList } from '../components/TouchpointNameList.js';
import { SegmentConditionRow } from './SegmentConditionRow.js';
import {
  createConditionDraft,
  createSegmentDraft,
  toSegmentDefinition,
  type SegmentDraft,
} from './segmentDraft.js';

/** Conditions the builder offers at most (the API takes 20 in all). */
const MAX_CONDITIONS = 20;

/**
 * Builds a segment: a name, a description, conditions on what persons did and on their
 * properties, all or any of them; saving adds it to the project's segments.
 */
export function SegmentBuilder({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SegmentDraft>(createSegmentDraft);
  const create = useMutation(
    trpc.segments.create.mutationOptions({
      onSuccess: () => {
        setDraft(createSegmentDraft());
        void queryClient.invalidateQueries(trpc.segments.list.queryFilter({ projectId }));
      },
    }),
  );
  const definition = toSegmentDefinition(draft);
  const setConditions = (conditions: SegmentDraft['conditions']) => setDraft({ ...draft, conditions });

  const submit = (event: Event) => {
    event.preventDefault();
    if (definition === undefined) return;
    create.mutate({
      projectId,
      name: draft.name.trim(),
      description: draft.description.trim(),
      definition,
      persona: draft.persona,
    });
  };

  return (
    <form class="card funnel-form" onSubmit={submit} aria-label="New segment">
      <h2>New segment</h2>
      <TouchpointNameList id="segment-names" projectId={projectId} />
      <div class="form-row">
        <div class="field field-grow">
          <label for="segment-name">Name</label>
          <input
            id="segment-name"
            required
            maxLength={100}
            value={draft.name}
            onInput={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
          />
        </div>
        <div class="field field-grow">
          <label for="segment-description">Description</label>
          <input
            id="segment-description"
            maxLength={1000}
            value={draft.description}
            onInput={(event) => setDraft({ ...draft, description: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="segment-combinator">Persons matching</label>
          <select
            id="segment-combinator"
            value={draft.combinator}
            onChange={(event) =>
              setDraft({ ...draft, combinator: event.currentTarget.value as 'and' | 'or' })
            }
          >
            <option value="and">all conditions (and)</option>
            <option value="or">any condition (or)</option>
          </select>
        </div>
      </div>
      <ol class="funnel-step-rows" aria-label="Conditions">
        {draft.conditions.map((condition, index) => (
          <SegmentConditionRow
            key={index}
            index={index}
            condition={condition}
            namesListId="segment-names"
            onChange={(next) => setConditions(draft.conditions.map((old, at) => (at === index ? next : old)))}
            onRemove={
              draft.conditions.length > 1
                ? () => setConditions(draft.conditions.filter((_, at) => at !== index))
                : undefined
            }
          />
        ))}
      </ol>
      <div class="form-row">
        <button
          type="button"
          class="button-secondary"
          disabled={draft.conditions.length >= MAX_CONDITIONS}
          onClick={() => setConditions([...draft.conditions, createConditionDraft()])}
        >
          Add a condition
        </button>
        <div class="field">
          <label>
            <input
              type="checkbox"
              checked={draft.persona}
              onChange={(event) => setDraft({ ...draft, persona: event.currentTarget.checked })}
            />{' '}
            A persona
          </label>
        </div>
        <button type="submit" disabled={create.isPending || definition === undefined}>
          Save segment
        </button>
      </div>
      {create.isError && <ErrorNotice error={create.error} />}
    </form>
  );
}
