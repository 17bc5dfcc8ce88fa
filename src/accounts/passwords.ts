/**
 * argon2id through Bun's worker threads. At most two hashes run at once: each takes 64 MiB and ~70 ms,
 * so a flood of logins queues here instead of exhausting a small VPS.
 */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export const hashPassword = (password: string) => withSlot(() => Bun.password.hash(password, { algorithm: 'argon2id' }));

export const verifyPassword = (password: string, hash: string) => withSlot(() => Bun.password.verify(password, hash));

/** A valid hash of a random string: verifying against it costs the same as a real user, so timing reveals nothing. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = () => (decoyHash ??= hashPassword(crypto.randomUUID()));
