import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/** `dashboards.update`, refreshing every dashboard query once it is done. */
export function useUpdateDashboard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.dashboards.update.mutationOptions({
      onSuccess: () => void refetchAfterWrite(queryClient, trpc.dashboards.pathFilter()),
    }),
  );
}
