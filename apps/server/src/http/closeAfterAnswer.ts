import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Ends the connection once the answer is sent, without reading the rest of the
 * request body (after a 413, or a refusal of a body too large to skip cheaply).
 * `Connection: close` tells the client; the socket is then destroyed, so an unread
 * 50 MB body costs the server nothing more. Call before writing the answer.
 */
export function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  res.shouldKeepAlive = false;
  res.setHeader('Connection', 'close');
  res.once('finish', () => req.socket.destroy());
}

/**
 * Refusing before the body is read: Node reads and discards a body left unread
 * before the next request of a keep-alive connection. That is cheap for a body of a
 * known, allowed length; anything else (chunked, or too long) closes the connection.
 */
export function prepareEarlyAnswer(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  if (req.complete) return;
  const { 'content-length': header, 'transfer-encoding': chunked } = req.headers;
  // No length and no chunking: HTTP/1.1 says there is no body (RFC 9112, section 6.3).
  const length = header === undefined && chunked === undefined ? 0 : Number(header ?? NaN);
  if (Number.isSafeInteger(length) && length <= maxBytes) return;
  closeAfterAnswer(req, res);
}
