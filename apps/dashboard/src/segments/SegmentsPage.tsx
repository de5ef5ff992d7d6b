import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../access/can.js';
import { useTRPC } from '../api/trpc.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { TableScroll } from '../components/TableScroll.js';
import { FUNNEL_PATH } from '../funnel/funnelPath.js';
import type { PageProps } from '../pages.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { describeSegment } from './describeSegment.js';
import { SegmentBuilder } from './SegmentBuilder.js';
import { SEGMENT_PARAM } from './segmentParams.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/**
 * Segments: the project's saved segments (who they hold, in words, and links to the
 * funnel narrowed to each), and, for analysts and owners, a builder for a new one and
 * a way to delete one. Every journey page has a segment picker.
 */
export function SegmentsPage({ project }: PageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const projectId = project.projectId;
  const mayEdit = can(project.role, 'editSegments');
  const segments = useQuery(trpc.segments.list.queryOptions({ projectId }));
  const remove = useMutation(
    trpc.segments.delete.mutationOptions({
      onSuccess: () => void refetchAfterWrite(queryClient, trpc.segments.list.queryFilter({ projectId })),
    }),
  );

  return (
    <>
      <div class="page-head">
        <h1>Segments</h1>
      </div>
      {segments.isPending && (
        <p class="notice" role="status">
          Reading the segments…
        </p>
      )}
      {segments.isError && <ErrorNotice error={segments.error} onRetry={() => void segments.refetch()} />}
      {segments.data && segments.data.length === 0 && (
        <p class="notice" role="status">
          No segment yet{mayEdit ? ': build one below.' : '.'}
        </p>
      )}
      {segments.data && segments.data.length > 0 && (
        <section class="card" aria-labelledby="segments-title">
          <h2 id="segments-title">Saved segments</h2>
          <TableScroll label="Table of saved segments">
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Who</th>
                  <th scope="col">Description</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {segments.data.map((segment) => (
                  <tr key={segment.segmentId}>
                    <th scope="row">
                      {segment.name}
                      {segment.persona && <span class="badge">persona</span>}
                    </th>
                    <td>{describeSegment(segment.definition)}</td>
                    <td>{segment.description}</td>
                    <td>
                      <a
                        href={createProjectHash(projectId, FUNNEL_PATH, {
                          [SEGMENT_PARAM]: segment.segmentId,
                        })}
                      >
                        Funnel<span class="visually-hidden"> of {segment.name}</span>
                      </a>
                      {mayEdit && (
                        <>
                          {' '}
                          <ConfirmButton
                            label="Delete"
                            target={segment.name}
                            question={`Delete ${segment.name}?`}
                            isPending={remove.isPending}
                            onConfirm={() => remove.mutate({ projectId, segmentId: segment.segmentId })}
                          />
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {remove.isError && <ErrorNotice error={remove.error} />}
        </section>
      )}
      {mayEdit && <SegmentBuilder projectId={projectId} />}
    </>
  );
}
