import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

export interface UnlinkDeviceButtonProps {
  projectId: string;
  anonymousId: string;
  userId: string;
}

/**
 * Un-merges a device joined to the user by mistake (a shared computer, a wrong id):
 * asked first, then `journeys.unlinkIdentity`; every journey answer is asked again,
 * since the device now counts as a person of its own.
 */
export function UnlinkDeviceButton({ projectId, anonymousId, userId }: UnlinkDeviceButtonProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unlink = useMutation(
    trpc.journeys.unlinkIdentity.mutationOptions({
      onSuccess: () => refetchAfterWrite(queryClient, trpc.journeys.pathFilter()),
    }),
  );
  return (
    <>
      <ConfirmButton
        label="Unlink"
        target={`the device ${anonymousId} from ${userId}`}
        question={`Unlink this device from ${userId}? Its touchpoints become a person of their own.`}
        isPending={unlink.isPending}
        onConfirm={() => unlink.mutate({ projectId, anonymousId, userId })}
      />
      {unlink.isError && <ErrorNotice error={unlink.error} />}
    </>
  );
}
