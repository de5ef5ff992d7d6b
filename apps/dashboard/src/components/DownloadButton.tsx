import { useMutation } from '@tanstack/react-query';
import { downloadBlob } from '../audit/downloadText.js';
import { ErrorNotice } from './ErrorNotice.js';

export interface DownloadButtonProps {
  /** The button's words, e.g. `Download CSV`. */
  label: string;
  /** Its words while the file is made, e.g. `Preparing…`. */
  pendingLabel: string;
  /** What the file holds, for the accessible name when the label alone is ambiguous. */
  what?: string | undefined;
  /** `button-small` beside a table; default a normal secondary button. */
  small?: boolean | undefined;
  /** Makes the file: usually a server call. */
  makeFile: () => Promise<{ filename: string; blob: Blob }>;
}

/** A button that makes a file and saves it, with a status line naming it and its error. */
export function DownloadButton({ label, pendingLabel, what, small = false, makeFile }: DownloadButtonProps) {
  const download = useMutation({
    mutationFn: makeFile,
    onSuccess: ({ filename, blob }) => downloadBlob(filename, blob),
  });
  return (
    <span class="download-button">
      <button
        type="button"
        class={small ? 'button-secondary button-small' : 'button-secondary'}
        disabled={download.isPending}
        onClick={() => download.mutate()}
      >
        {download.isPending ? pendingLabel : label}
        {what !== undefined && <span class="visually-hidden"> of the {what}</span>}
      </button>
      <span class="help" role="status">
        {download.isSuccess && `Downloaded ${download.data.filename}.`}
      </span>
      {download.isError && <ErrorNotice error={download.error} />}
    </span>
  );
}
