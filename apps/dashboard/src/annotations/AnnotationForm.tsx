import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { TouchpointNameList } from '../components/TouchpointNameList.js';
import { toDayKey } from './findAnnotationsIn.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/** "Annotate": a day or a range (days of the project's zone, as the charts count them), a text, maybe a touchpoint. */
export function AnnotationForm({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const today = toDayKey(Date.now());
  const [fromDay, setFromDay] = useState(today);
  const [toDay, setToDay] = useState('');
  const [text, setText] = useState('');
  const [touchpoint, setTouchpoint] = useState('');
  const create = useMutation(
    trpc.annotations.create.mutationOptions({
      onSuccess: () => {
        void refetchAfterWrite(queryClient, trpc.annotations.pathFilter());
        setText('');
        setTouchpoint('');
        setToDay('');
      },
    }),
  );
  const onSubmit = (event: Event) => {
    event.preventDefault();
    create.mutate({
      projectId,
      fromDay,
      ...(toDay && { toDay }),
      text,
      ...(touchpoint.trim() && { touchpoint: touchpoint.trim() }),
    });
  };
  return (
    <form class="card annotation-form" aria-labelledby="annotate-heading" onSubmit={onSubmit}>
      <h2 id="annotate-heading">Annotate a date</h2>
      <div class="inline-form">
        <div class="field">
          <label for="annotation-from">Day</label>
          <input
            id="annotation-from"
            type="date"
            required
            value={fromDay}
            onInput={(e) => setFromDay(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="annotation-to">Until (optional)</label>
          <input
            id="annotation-to"
            type="date"
            min={fromDay}
            value={toDay}
            onInput={(e) => setToDay(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="annotation-text">What happened</label>
          <input
            id="annotation-text"
            required
            maxLength={500}
            placeholder="Release 2.0, a campaign, a fix…"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="annotation-touchpoint">Touchpoint (optional)</label>
          <input
            id="annotation-touchpoint"
            list="annotation-touchpoint-names"
            maxLength={200}
            value={touchpoint}
            onInput={(e) => setTouchpoint(e.currentTarget.value)}
          />
          <TouchpointNameList id="annotation-touchpoint-names" projectId={projectId} />
        </div>
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Annotate'}
        </button>
      </div>
      {create.isError && <ErrorNotice error={create.error} />}
    </form>
  );
}
