/** Reads an SSE response in a test: waits until the text so far matches, or fails after `ms`. */
export function streamReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  return {
    text: () => text,
    async until(predicate: (text: string) => boolean, ms = 2000): Promise<string> {
      const deadline = performance.now() + ms;
      while (!predicate(text)) {
        const left = deadline - performance.now();
        if (left <= 0) throw new Error(`stream did not match in ${ms} ms; got:\n${text}`);
        const chunk = await Promise.race([reader.read(), Bun.sleep(left).then(() => null)]);
        if (chunk === null) continue;
        if (chunk.done) throw new Error(`stream ended; got:\n${text}`);
        text += decoder.decode(chunk.value, { stream: true });
      }
      return text;
    },
    /** Everything that arrives within `ms` (for asserting that something did NOT arrive). */
    async drain(ms: number): Promise<string> {
      const deadline = performance.now() + ms;
      for (;;) {
        const left = deadline - performance.now();
        if (left <= 0) return text;
        const chunk = await Promise.race([reader.read(), Bun.sleep(left).then(() => null)]);
        if (chunk === null) return text;
        if (chunk.done) return text;
        text += decoder.decode(chunk.value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

/** The JSON payloads of the named `live` frames received so far. */
export function liveFacts(text: string): Record<string, unknown>[] {
  return [...text.matchAll(/event: live\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}
