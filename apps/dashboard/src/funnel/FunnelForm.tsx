import { useState } from 'preact/hooks';
import { TouchpointNameList } from '../components/TouchpointNameList.js';
import { RANGE_DAYS, type RangeDays } from '../overview/getDayRange.js';
import { FunnelExclusionRow } from './FunnelExclusionRow.js';
import { FunnelStepRow } from './FunnelStepRow.js';
import {
  FUNNEL_WINDOW_LABELS,
  FUNNEL_WINDOWS,
  MAX_FUNNEL_EXCLUSIONS,
  MAX_FUNNEL_STEPS,
  type FunnelDefinition,
  type FunnelExclusionDefinition,
  type FunnelWindow,
} from './parseFunnelDefinition.js';

export interface FunnelFormProps {
  projectId: string;
  /** The funnel shown; the form edits a copy until it is submitted. */
  funnel: FunnelDefinition;
  onSubmit: (funnel: FunnelDefinition) => void;
}

/** The exclusions a submitted funnel keeps: named, after a step that has a next one, in sequence only. */
function keepExclusions(draft: FunnelDefinition, stepCount: number): FunnelExclusionDefinition[] | undefined {
  if (draft.order === 'any') return undefined;
  const kept = (draft.exclusions ?? [])
    .map((exclusion) => ({ ...exclusion, name: exclusion.name.trim() }))
    .filter((exclusion) => exclusion.name !== '' && exclusion.afterStep < stepCount);
  return kept.length > 0 ? kept : undefined;
}

/**
 * Defines a funnel: its steps, their order, the touchpoints that end a chain between
 * two steps, the conversion window, the range of step 1 and a breakdown.
 */
export function FunnelForm({ projectId, funnel, onSubmit }: FunnelFormProps) {
  const [draft, setDraft] = useState(funnel);
  const setSteps = (steps: FunnelDefinition['steps']) => setDraft({ ...draft, steps });
  const exclusions = draft.exclusions ?? [];
  const setExclusions = (next: FunnelExclusionDefinition[]) => setDraft({ ...draft, exclusions: next });
  const mayExclude = draft.order !== 'any' && draft.steps.length >= 2;

  const submit = (event: Event) => {
    event.preventDefault();
    const steps = draft.steps
      .map((step) => ({ ...step, name: step.name.trim() }))
      .filter((step) => step.name !== '');
    const breakdown = draft.breakdown?.trim();
    if (steps.length === 0) return;
    onSubmit({
      ...draft,
      steps,
      breakdown: breakdown || undefined,
      exclusions: keepExclusions(draft, steps.length),
    });
  };

  return (
    <form class="card funnel-form" onSubmit={submit} aria-label="Funnel definition">
      <TouchpointNameList id="funnel-names" projectId={projectId} />
      <ol class="funnel-step-rows">
        {draft.steps.map((step, index) => (
          <FunnelStepRow
            key={index}
            index={index}
            step={step}
            namesListId="funnel-names"
            onChange={(next) => setSteps(draft.steps.map((old, at) => (at === index ? next : old)))}
            onRemove={
              draft.steps.length > 1 ? () => setSteps(draft.steps.filter((_, at) => at !== index)) : undefined
            }
          />
        ))}
      </ol>
      {mayExclude && exclusions.length > 0 && (
        <ol class="funnel-step-rows" aria-label="Exclusions">
          {exclusions.map((exclusion, index) => (
            <FunnelExclusionRow
              key={index}
              index={index}
              exclusion={exclusion}
              stepNames={draft.steps.map((step) => step.name)}
              namesListId="funnel-names"
              onChange={(next) => setExclusions(exclusions.map((old, at) => (at === index ? next : old)))}
              onRemove={() => setExclusions(exclusions.filter((_, at) => at !== index))}
            />
          ))}
        </ol>
      )}
      <div class="form-row">
        <button
          type="button"
          class="button-secondary"
          disabled={draft.steps.length >= MAX_FUNNEL_STEPS}
          onClick={() => setSteps([...draft.steps, { name: '' }])}
        >
          Add a step
        </button>
        <button
          type="button"
          class="button-secondary"
          disabled={!mayExclude || exclusions.length >= MAX_FUNNEL_EXCLUSIONS}
          onClick={() => setExclusions([...exclusions, { name: '', afterStep: 1 }])}
        >
          Add an exclusion
        </button>
        <div class="field">
          <label for="funnel-order">Steps done</label>
          <select
            id="funnel-order"
            value={draft.order ?? 'sequence'}
            onChange={(event) => {
              const any = event.currentTarget.value === 'any';
              const { order: _order, ...rest } = draft;
              setDraft(any ? { ...rest, order: 'any' } : rest);
            }}
          >
            <option value="sequence">in this order</option>
            <option value="any">in any order</option>
          </select>
        </div>
        <div class="field">
          <label for="funnel-window">Converted within</label>
          <select
            id="funnel-window"
            value={draft.window}
            onChange={(event) => setDraft({ ...draft, window: event.currentTarget.value as FunnelWindow })}
          >
            {Object.keys(FUNNEL_WINDOWS).map((window) => (
              <option key={window} value={window}>
                {FUNNEL_WINDOW_LABELS[window as FunnelWindow]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="funnel-days">Step 1 in</label>
          <select
            id="funnel-days"
            value={draft.range !== undefined ? 'custom' : draft.days === undefined ? '' : String(draft.days)}
            onChange={(event) => {
              const { value } = event.currentTarget;
              if (value === 'custom') return;
              const { range: _range, ...rest } = draft;
              setDraft({ ...rest, days: value === '' ? undefined : (Number(value) as RangeDays) });
            }}
          >
            <option value="">All time</option>
            {draft.range !== undefined && (
              <option value="custom">
                {draft.range.from} to {draft.range.to}
              </option>
            )}
            {RANGE_DAYS.map((days) => (
              <option key={days} value={days}>
                the last {days} days
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="funnel-breakdown">Break down by</label>
          <input
            id="funnel-breakdown"
            list="funnel-breakdowns"
            autoComplete="off"
            spellcheck={false}
            placeholder="channel or a property"
            value={draft.breakdown ?? ''}
            onInput={(event) => setDraft({ ...draft, breakdown: event.currentTarget.value })}
          />
          <datalist id="funnel-breakdowns">
            <option value="channel" />
          </datalist>
        </div>
        <button type="submit">Show funnel</button>
      </div>
    </form>
  );
}
