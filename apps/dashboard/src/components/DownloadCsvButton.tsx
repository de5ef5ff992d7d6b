import { DownloadButton } from './DownloadButton.js';

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
  return (
    <DownloadButton
      label="Download CSV"
      pendingLabel="Preparing…"
      what={what}
      small
      makeFile={async () => {
        const { filename, csv } = await fetchCsv();
        return { filename, blob: new Blob([csv], { type: 'text/csv;charset=utf-8' }) };
      }}
    />
  );
}
