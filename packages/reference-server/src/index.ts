// Embedding API: build the app around your own database and token verifier.
export { createApp, apiVersion } from './app.ts';
export type { AppOptions, App } from './app.ts';
export { openDatabase } from './db/database.ts';
export { PgliteDataFolderError } from './db/pglite-folder.ts';
export type { Database, DatabaseOptions } from './db/database.ts';
export { openScratchDatabase } from './db/scratch-database.ts';
export { createDemoIssuer, createVerifier, generateDemoSigningKey } from './auth/tokens.ts';
export type { TokenClaims, TokenVerifier, DemoIssuer } from './auth/tokens.ts';
export { seedDatabase } from './seed/seed.ts';
export { loadConfig } from './config.ts';
