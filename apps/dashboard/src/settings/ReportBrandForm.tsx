import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import type { Project } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/** The server's cap on a logo's data URL (`reports.setBrand`). */
const MAX_LOGO_DATA_URL_LENGTH = 262_144;

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

interface BrandDraft {
  title: string;
  primaryColor: string;
  accentColor: string;
  logoDataUrl: string | null;
}

/** Owners: the brand of the project's PDF reports: title, two colours and a logo. */
export function ReportBrandForm({ project }: { project: Project }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { projectId: project.projectId };
  const brand = useQuery(trpc.reports.brand.queryOptions(input));
  const [draft, setDraft] = useState<BrandDraft | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const save = useMutation(
    trpc.reports.setBrand.mutationOptions({
      onSuccess: async () => {
        await refetchAfterWrite(queryClient, trpc.reports.brand.queryFilter(input));
        setDraft(undefined);
      },
    }),
  );
  const shown = draft ?? brand.data;
  const change = (patch: Partial<BrandDraft>) => shown && setDraft({ ...shown, ...patch });
  const onLogo = async (file: File | undefined) => {
    setProblem(undefined);
    if (file === undefined) return;
    const dataUrl = await readDataUrl(file);
    if (dataUrl.length > MAX_LOGO_DATA_URL_LENGTH) setProblem('The logo is too big: at most about 190 KB.');
    else change({ logoDataUrl: dataUrl });
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (shown) save.mutate({ ...input, ...shown });
  };

  return (
    <section class="card" aria-labelledby="brand-heading">
      <h2 id="brand-heading">Report brand</h2>
      <p class="help">
        The PDF report (Overview → PDF report) carries this title, these colours and the logo.
      </p>
      {brand.isError && <ErrorNotice error={brand.error} onRetry={() => void brand.refetch()} />}
      {shown && (
        <form class="brand-form" onSubmit={onSubmit}>
          <div class="field">
            <label for="brand-title">Title</label>
            <input
              id="brand-title"
              required
              maxLength={100}
              value={shown.title}
              onInput={(event) => change({ title: event.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="brand-primary">Headings colour</label>
            <input
              id="brand-primary"
              type="color"
              value={shown.primaryColor}
              onInput={(event) => change({ primaryColor: event.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="brand-accent">Figures colour</label>
            <input
              id="brand-accent"
              type="color"
              value={shown.accentColor}
              onInput={(event) => change({ accentColor: event.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="brand-logo">Logo (PNG, JPEG or WebP)</label>
            <input
              id="brand-logo"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              onChange={(event) => void onLogo(event.currentTarget.files?.[0])}
            />
          </div>
          {shown.logoDataUrl !== null && (
            <p>
              <img class="brand-logo" src={shown.logoDataUrl} alt="The report's logo" />{' '}
              <button
                type="button"
                class="button-secondary button-small"
                onClick={() => change({ logoDataUrl: null })}
              >
                Remove the logo
              </button>
            </p>
          )}
          {problem !== undefined && (
            <p class="help" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save the brand'}
          </button>
          <span class="help" role="status">
            {save.isSuccess && draft === undefined && 'Saved.'}
          </span>
        </form>
      )}
      {save.isError && <ErrorNotice error={save.error} />}
    </section>
  );
}
