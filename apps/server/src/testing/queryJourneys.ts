/** Where a journey query goes: the server's origin and a project with a secret key. */
export interface JourneysTarget {
  base: string;
  projectId: string;
  secretKey: string;
}

/**
 * `GET /trpc/journeys.<path>` with the project's secret key, as a script would call it:
 * the HTTP status, the data of a success and the tRPC error body of a failure.
 */
export async function queryJourneys(target: JourneysTarget, path: string, input: object) {
  const encoded = encodeURIComponent(JSON.stringify({ projectId: target.projectId, ...input }));
  const response = await fetch(`${target.base}/trpc/journeys.${path}?input=${encoded}`, {
    headers: { Authorization: `Bearer ${target.secretKey}` },
  });
  const body = (await response.json()) as { result?: { data: any }; error?: any };
  return { status: response.status, data: body.result?.data, error: body.error };
}
