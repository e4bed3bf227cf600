import { createApp } from './app.ts';
import { createDemoIssuer } from './auth/tokens.ts';
import type { Database } from './db/database.ts';

/** The OpenAPI document of every mounted route (demo routes included), built without a database. */
export async function buildOpenApiDocument(): Promise<unknown> {
  const noDatabase = new Proxy({} as Database, { get: () => { throw new Error('no database while documenting'); } });
  const demo = await createDemoIssuer();
  const app = createApp({ database: noDatabase, verifier: demo, demo });
  const response = await app.request('/openapi.json');
  // A route whose schema cannot be documented must fail the build, not produce an error document.
  if (response.status !== 200) throw new Error(`OpenAPI generation failed: ${await response.text()}`);
  return response.json();
}
