import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../access/can.js';
import { useTRPC } from '../api/trpc.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { AnnotationComparison } from './AnnotationComparison.js';
import { AnnotationForm } from './AnnotationForm.js';
import { describeAnnotationDays } from './ChartAnnotations.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/**
 * Annotations: dates (or ranges) of a project worth remembering, shown on every time
 * chart; one tied to a touchpoint compares it before and after. Analysts and owners
 * annotate and delete.
 */
export function AnnotationsPage({ project }: PageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { projectId } = project;
  const annotations = useQuery(trpc.annotations.list.queryOptions({ projectId }));
  const remove = useMutation(
    trpc.annotations.delete.mutationOptions({
      onSuccess: () => void refetchAfterWrite(queryClient, trpc.annotations.pathFilter()),
    }),
  );
  const mayEdit = can(project.role, 'editInsights');

  return (
    <>
      <h1>Annotations</h1>
      {mayEdit && <AnnotationForm projectId={projectId} />}
      {annotations.isPending && (
        <p class="notice" role="status">
          Listing annotations…
        </p>
      )}
      {annotations.isError && (
        <ErrorNotice error={annotations.error} onRetry={() => void annotations.refetch()} />
      )}
      {remove.isError && <ErrorNotice error={remove.error} />}
      {annotations.data?.length === 0 && <p class="notice">No annotation yet.</p>}
      {annotations.data && annotations.data.length > 0 && (
        <ul class="annotation-list" aria-label="Annotations">
          {[...annotations.data].reverse().map((annotation) => (
            <li
              key={annotation.annotationId}
              class="card"
              aria-labelledby={`${annotation.annotationId}-heading`}
            >
              <h2 id={`${annotation.annotationId}-heading`}>
                <span class="annotation-days">{describeAnnotationDays(annotation)}</span> · {annotation.text}
              </h2>
              <p class="help">
                {annotation.touchpoint === null ? 'No touchpoint' : `Touchpoint: ${annotation.touchpoint}`} ·
                by {annotation.createdBy}
              </p>
              {annotation.touchpoint !== null && (
                <AnnotationComparison projectId={projectId} annotationId={annotation.annotationId} />
              )}
              {mayEdit && (
                <ConfirmButton
                  label="Delete"
                  target={`annotation ${annotation.text}`}
                  question="Delete this annotation?"
                  isPending={remove.isPending}
                  onConfirm={() => remove.mutate({ projectId, annotationId: annotation.annotationId })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
