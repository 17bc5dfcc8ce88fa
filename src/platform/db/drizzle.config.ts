import { defineConfig } from 'drizzle-kit';

// Run from the repository root: `bun run db:generate --name <what-changed>`.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/**/*.tables.ts',
  out: './migrations',
});
