import { useTRPCClient } from '../api/trpc.js';
import { DownloadButton } from '../components/DownloadButton.js';

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
  return (
    <DownloadButton
      label="PDF report"
      pendingLabel="Printing…"
      makeFile={async () => {
        const { filename, pdfBase64 } = await client.reports.pdf.query({
          projectId,
          ...range,
          ...(funnel && { funnel }),
        });
        return { filename, blob: toPdfBlob(pdfBase64) };
      }}
    />
  );
}

/**
 * "PDF report" of a dashboard: the server prints the branded report of its tiles over
 * `range` (`reports.dashboardPdf`).
 */
export function DashboardReportButton({
  projectId,
  dashboardId,
  range,
}: {
  projectId: string;
  dashboardId: string;
  range: { from: number; to: number };
}) {
  const client = useTRPCClient();
  return (
    <DownloadButton
      label="PDF report"
      pendingLabel="Printing…"
      makeFile={async () => {
        const { filename, pdfBase64 } = await client.reports.dashboardPdf.query({
          projectId,
          dashboardId,
          ...range,
        });
        return { filename, blob: toPdfBlob(pdfBase64) };
      }}
    />
  );
}
