import { useMutation } from '@tanstack/react-query';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { formatCount } from '../format/formatPercent.js';
import { usePrivacyClient } from './privacyApi.js';

/**
 * "Verify the whole ledger": walks the hash chain on the server (`privacy.verifyLedger`)
 * and says whether every record checks, or names the first one that does not. Asked
 * on a click, never cached: the answer is about the ledger as it is now.
 */
export function VerifyLedgerButton({ projectId }: { projectId: string }) {
  const privacy = usePrivacyClient();
  const verify = useMutation({ mutationFn: () => privacy.verifyLedger.query({ projectId }) });
  const result = verify.data;
  return (
    <div class="verify-ledger">
      <button
        type="button"
        class="button-secondary"
        disabled={verify.isPending}
        onClick={() => verify.mutate()}
      >
        {verify.isPending ? 'Verifying…' : 'Verify the whole ledger'}
      </button>
      {verify.isError && <ErrorNotice error={verify.error} />}
      <div role="status">
        {result?.ok === true && (
          <p class="notice chain-ok">
            The ledger verifies: {formatCount(result.records)} {result.records === 1 ? 'record' : 'records'},
            every link of the chain checks.
          </p>
        )}
      </div>
      {result?.ok === false && (
        <div class="notice notice-error" role="alert">
          <p>
            The ledger does not verify ({formatCount(result.records)} records).
            {result.firstBroken &&
              ` The first record that does not: no. ${result.firstBroken.seq} (${result.firstBroken.recordId}): ${result.firstBroken.reason}.`}
          </p>
        </div>
      )}
    </div>
  );
}
