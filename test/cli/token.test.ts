import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { authenticateApiToken } from '../../src/accounts/api-tokens';
import { apiTokens } from '../../src/accounts/accounts.tables';
import { tempDataDir, withDatabase, type TempDataDir } from './cli-harness';

let data: TempDataDir;
beforeEach(() => {
  data = tempDataDir();
});
afterEach(() => data.cleanup());

const createToken = async (name = 'Zapier') => {
  const result = await data.run(['token', 'create', '--name', name]);
  const token = result.stdout.match(/rsl_[A-Za-z0-9_-]+/)?.[0];
  const id = result.stdout.match(/tok_[0-9a-z]+/)?.[0];
  return { result, token: token!, id: id! };
};

describe('rasil token', () => {
  test('create prints a token the API accepts, stores only its hash, and says how to send it', async () => {
    const { result, token, id } = await createToken();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Authorization: Bearer ${token}`);
    const { accepted, stored } = withDatabase(data, ({ db }) => ({
      accepted: authenticateApiToken(db, token, 1_000),
      stored: db.select().from(apiTokens).all(),
    }));
    expect(accepted?.id).toBe(id);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  test('create refuses a missing name', async () => {
    const result = await data.run(['token', 'create']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--name needs a value');
  });

  test('list shows each token with its status', async () => {
    await createToken('Zapier');
    const { id } = await createToken('Backup script');
    await data.run(['token', 'revoke', '--id', id]);
    const result = await data.run(['token', 'list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ID\s+NAME\s+STATUS\s+CREATED\s+LAST USED$/m);
    expect(result.stdout).toMatch(/Zapier\s+active\s+.+UTC\s+never/);
    expect(result.stdout).toMatch(new RegExp(`${id}\\s+Backup script\\s+revoked`));
  });

  test('revoke stops the token from working', async () => {
    const { token, id } = await createToken();
    const result = await data.run(['token', 'revoke', '--id', id]);
    expect(result.code).toBe(0);
    expect(withDatabase(data, ({ db }) => authenticateApiToken(db, token, 1_000))).toBeUndefined();
  });

  test('revoke refuses an id that is not an active token', async () => {
    const { id } = await createToken();
    await data.run(['token', 'revoke', '--id', id]);
    const again = await data.run(['token', 'revoke', '--id', id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`No active API token has the id ${id}.`);
  });
});
