import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from './trpc.js';
import { refetchAfterWrite } from './refetchAfterWrite.js';

/**
 * `admin.setTimeZone` for a project; on success every journey figure is asked again,
 * since its days have moved, and so is the project (its zone).
 */
export function useSetTimeZone(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.admin.setTimeZone.mutationOptions({
      onSuccess: () =>
        Promise.all([
          refetchAfterWrite(queryClient, trpc.admin.project.queryFilter({ projectId })),
          refetchAfterWrite(queryClient, trpc.journeys.pathFilter()),
        ]),
    }),
  );
}

/** The zone this browser is set to (`Europe/Paris`): what a new project's days should follow. */
export function getBrowserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
