import type { IncomingMessage, ServerResponse } from 'node:http';
import { closeAfterAnswer } from './closeAfterAnswer.js';
import { sendTrpcError } from './sendTrpcError.js';

/** "524288 bytes (512 KiB)": how every 413 states the limit. */
export function describeByteLimit(maxBytes: number): string {
  return `${maxBytes} bytes (${Math.round(maxBytes / 1024)} KiB)`;
}

function refuseTooLarge(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  closeAfterAnswer(req, res);
  sendTrpcError(res, {
    code: 'PAYLOAD_TOO_LARGE',
    message: `A request body holds at most ${describeByteLimit(maxBytes)}`,
  });
}

/**
 * Reads a request body of at most `maxBytes`. A `Content-Length` over the limit is
 * refused with 413 before a byte of the body is read; a chunked body is refused as
 * soon as it crosses the limit. After a 413 the connection is closed, so the rest
 * of the body is never read. Resolves `undefined` when the request was answered
 * here, or the client went away (then there is no one to answer).
 */
export function readRequestBody(
  req: IncomingMessage,
  res: ServerResponse,
  options: { maxBytes: number },
): Promise<Buffer | undefined> {
  const { maxBytes } = options;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    refuseTooLarge(req, res, maxBytes);
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (body: Buffer | undefined) => {
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      req.pause();
      refuseTooLarge(req, res, maxBytes);
      finish(undefined);
    };
    const onEnd = () => finish(Buffer.concat(chunks, size));
    const onGone = () => finish(undefined);
    req.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onGone);
  });
}
