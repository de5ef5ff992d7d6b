import { useMutation } from '@tanstack/react-query';
import { useTRPCClient } from '../api/trpc.js';
import { downloadBlob } from '../audit/downloadText.js';
import { ErrorNotice } from '../components/ErrorNotice.js';

export interface ReportButtonProps {
  projectId: string;
  /** The report's range, inclusive epoch ms: the page's. */
  range: { from: number; to: number };
  /** A funnel whose steps the report adds (its own range set aside: the report's applies). */
  funnel?: { steps: Array<{ name: string; channel?: string }>; windowMs: number } | undefined;
}

function toPdfBlob(base64: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'application/pdf' });
}

/** "PDF report": the server prints the project's branded report of this range (`reports.pdf`). */
export function ReportButton({ projectId, range, funnel }: ReportButtonProps) {
  const client = useTRPCClient();
  const report = useMutation({
    mutationFn: () => client.reports.pdf.query({ projectId, ...range, ...(funnel && { funnel }) }),
    onSuccess: ({ filename, pdfBase64 }) => downloadBlob(filename, toPdfBlob(pdfBase64)),
  });
  return (
    <span class="download-csv">
      <button
        type="button"
        class="button-secondary"
        disabled={report.isPending}
        onClick={() => report.mutate()}
      >
        {report.isPending ? 'Printing…' : 'PDF report'}
      </button>
      <span class="help" role="status">
        {report.isSuccess && `Downloaded ${report.data.filename}.`}
      </span>
      {report.isError && <ErrorNotice error={report.error} />}
    </span>
  );
}
