import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { TouchpointNameList } from '../components/TouchpointNameList.js';
import { SegmentConditionRow } from './SegmentConditionRow.js';
import { SegmentGroupFields } from './SegmentGroupFields.js';
import {
  countConditions,
  createSegmentDraft,
  editSegmentDraft,
  MAX_CONDITIONS,
  toSegmentDefinition,
  type SegmentDraft,
  type SegmentDraftEdit,
} from './segmentDraft.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/**
 * Builds a segment: a name, a description, conditions on what persons did and on their
 * properties, and groups of conditions, all or any of them ("bought in store and (came
 * by email or by an ad)"); saving adds it to the project's segments. Every change
 * applies to the latest draft, so fast typing never loses a field.
 */
export function SegmentBuilder({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SegmentDraft>(createSegmentDraft);
  const create = useMutation(
    trpc.segments.create.mutationOptions({
      onSuccess: async () => {
        setDraft(createSegmentDraft());
        await refetchAfterWrite(queryClient, trpc.segments.list.queryFilter({ projectId }));
      },
    }),
  );
  const definition = toSegmentDefinition(draft);
  const edit = (change: SegmentDraftEdit) => setDraft((current) => editSegmentDraft(current, change));
  const set = (patch: Extract<SegmentDraftEdit, { type: 'set' }>['patch']) => edit({ type: 'set', patch });
  const full = countConditions(draft) >= MAX_CONDITIONS;

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
            onInput={(event) => set({ name: event.currentTarget.value })}
          />
        </div>
        <div class="field field-grow">
          <label for="segment-description">Description</label>
          <input
            id="segment-description"
            maxLength={1000}
            value={draft.description}
            onInput={(event) => set({ description: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="segment-combinator">Persons matching</label>
          <select
            id="segment-combinator"
            value={draft.combinator}
            onChange={(event) => set({ combinator: event.currentTarget.value as 'and' | 'or' })}
          >
            <option value="and">all of these (and)</option>
            <option value="or">any of these (or)</option>
          </select>
        </div>
      </div>
      <ol class="funnel-step-rows" aria-label="Conditions">
        {draft.conditions.map((item, index) =>
          item.kind === 'group' ? (
            <SegmentGroupFields
              key={index}
              index={index}
              group={item}
              namesListId="segment-names"
              isFull={full}
              isOnly={draft.conditions.length === 1}
              onEdit={edit}
            />
          ) : (
            <SegmentConditionRow
              key={index}
              rowId={String(index)}
              label={`Condition ${index + 1}`}
              condition={item}
              namesListId="segment-names"
              onChange={(patch) => edit({ type: 'setRow', path: [index], patch })}
              onRemove={
                draft.conditions.length > 1 ? () => edit({ type: 'remove', path: [index] }) : undefined
              }
            />
          ),
        )}
      </ol>
      <div class="form-row">
        <button
          type="button"
          class="button-secondary"
          disabled={full}
          onClick={() => edit({ type: 'addRow' })}
        >
          Add a condition
        </button>
        <button
          type="button"
          class="button-secondary"
          disabled={countConditions(draft) > MAX_CONDITIONS - 2}
          onClick={() => edit({ type: 'addGroup' })}
        >
          Add a group
        </button>
        <div class="field">
          <label>
            <input
              type="checkbox"
              checked={draft.persona}
              onChange={(event) => set({ persona: event.currentTarget.checked })}
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
