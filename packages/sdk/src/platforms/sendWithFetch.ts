import type { Outcome } from '../core/types.js';

/** `Retry-After` in ms, from delay-seconds or an HTTP date (RFC 9110 §10.2.3); `undefined` if absent or unreadable. */
export const getRetryAfter = (header: string | null): number | undefined => {
  // `isNaN` and `*` convert the string themselves; `>= 0` is false for NaN.
  const ms = header
    ? isNaN(header as never)
      ? Date.parse(header) - Date.now()
      : (header as never) * 1e3
    : NaN;
  return ms >= 0 ? ms : undefined;
};

/**
 * POSTs a JSON string with `fetch`. A string body goes out as `text/plain;charset=UTF-8`,
 * a CORS-safelisted type, so a cross-origin request needs no preflight (Fetch standard,
 * "CORS-safelisted request-header"). Network errors, 408, 429 and 5xx are worth a retry;
 * any other answer is final, and its body (the tRPC error) names the reason.
 */
export const sendWithFetch = (url: string, body: string, keepalive?: boolean): Promise<Outcome> =>
  fetch(url, { method: 'POST', body, keepalive }).then(
    (response): Outcome | Promise<Outcome> => {
      const { status } = response;
      if (response.ok) return { kind: 'ok' };
      if (status == 408 || status == 429 || status > 499)
        return { kind: 'retry', after: getRetryAfter(response.headers.get('retry-after')) };
      return response
        .text()
        .catch(() => '')
        .then((text) => ({ kind: 'drop', reason: status + ' ' + text }));
    },
    () => ({ kind: 'retry' }),
  );
