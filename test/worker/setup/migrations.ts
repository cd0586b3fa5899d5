// Before each worker test file: the D1 database gets the schema in migrations/, as
// `wrangler d1 migrations apply` gives the local and deployed databases.
import { applyD1Migrations, type D1Migration } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

await applyD1Migrations(env.DB as Parameters<typeof applyD1Migrations>[0], env.TEST_MIGRATIONS as D1Migration[]);
