import { useMutation } from '@tanstack/react-query';
import { downloadText } from '../audit/downloadText.js';
import { ErrorNotice } from './ErrorNotice.js';

export interface DownloadCsvButtonProps {
  /** What the file holds, for the button's accessible name: "funnel steps". */
  what: string;
  /** Asks the server's `exports.*` procedure for the table's CSV, with the table's own query. */
  fetchCsv: () => Promise<{ filename: string; csv: string }>;
}

/**
 * "Download CSV" beside a table: the server builds the file from the same query the
 * table shows (`exports.*`: RFC 4180, formula cells defused; person lists audited),
 * and the browser saves it; a status line names the file.
 */
export function DownloadCsvButton({ what, fetchCsv }: DownloadCsvButtonProps) {
  const download = useMutation({
    mutationFn: fetchCsv,
    onSuccess: ({ filename, csv }) => downloadText(filename, csv, 'text/csv;charset=utf-8'),
  });
  return (
    <span class="download-csv">
      <button
        type="button"
        class="button-secondary button-small"
        disabled={download.isPending}
        onClick={() => download.mutate()}
      >
        {download.isPending ? 'Preparing…' : 'Download CSV'}
        <span class="visually-hidden"> of the {what}</span>
      </button>
      <span class="help" role="status">
        {download.isSuccess && `Downloaded ${download.data.filename}.`}
      </span>
      {download.isError && <ErrorNotice error={download.error} />}
    </span>
  );
}
