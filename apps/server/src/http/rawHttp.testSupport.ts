import { connect, type Socket } from 'node:net';
import { once } from 'node:events';

/** A response as it came over the wire. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A TCP connection to the server, for what `fetch` cannot do: dribble, stall, count. */
export interface RawConnection {
  socket: Socket;
  /** The first response, once its head and its `Content-Length` bytes arrived. */
  response: Promise<RawResponse>;
  /** Milliseconds from connecting to the server closing the connection. */
  closed: Promise<number>;
  /** Writes and waits until the data was handed to the kernel (or the socket is gone). */
  write: (data: string | Buffer) => Promise<boolean>;
}

function parseResponse(raw: Buffer): RawResponse | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.subarray(end + 4);
  const length = Number(headers['content-length'] ?? 0);
  if (body.length < length) return undefined;
  return { status: Number(statusLine.split(' ')[1]), headers, body: body.subarray(0, length).toString() };
}

/** Connects to 127.0.0.1:`port`; the caller writes the request by hand. */
export async function openRawConnection(port: number): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const started = performance.now();
  let received = Buffer.alloc(0);
  const response = new Promise<RawResponse>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const parsed = parseResponse(received);
      if (parsed !== undefined) resolve(parsed);
    };
    socket.on('data', onData);
    socket.once('close', () =>
      reject(new Error(`closed without a full response: ${received.toString('latin1').slice(0, 200)}`)),
    );
  });
  // The test decides whether a response was due; an unawaited rejection is not a failure.
  response.catch(() => undefined);
  const closed = new Promise<number>((resolve) =>
    socket.once('close', () => resolve(performance.now() - started)),
  );
  socket.on('error', () => undefined);
  const write = (data: string | Buffer) =>
    new Promise<boolean>((resolve) => {
      if (socket.destroyed || !socket.writable) return resolve(false);
      socket.write(data, (error) => resolve(error == null));
    });
  return { socket, response, closed, write };
}

/** The head of a `POST` with the given headers (`Host` and the path's method line included). */
export function postHead(path: string, headers: Record<string, string | number>): string {
  const lines = Object.entries({ Host: '127.0.0.1', ...headers }).map(([name, value]) => `${name}: ${value}`);
  return `POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}
