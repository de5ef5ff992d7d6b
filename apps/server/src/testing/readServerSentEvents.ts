/** One server-sent event: its `event:` name (none for data) and its parsed `data:`. */
export interface SentEvent {
  event: string | undefined;
  data: any;
}

/** Reads an SSE response's events as they come. */
export async function* readServerSentEvents(response: Response): AsyncGenerator<SentEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body!) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const field = (name: string) =>
        lines.filter((line) => line.startsWith(`${name}:`)).map((line) => line.slice(name.length + 1).trim());
      const data = field('data').join('\n');
      if (data !== '') yield { event: field('event')[0], data: JSON.parse(data) };
    }
  }
}

/** The next event that carries data (not tRPC's `connected` or `ping`). */
export async function nextData(events: AsyncGenerator<SentEvent>): Promise<SentEvent> {
  for (;;) {
    const { value, done } = await events.next();
    if (done) throw new Error('the stream ended');
    if (value.event !== 'connected' && value.event !== 'ping') return value;
  }
}
