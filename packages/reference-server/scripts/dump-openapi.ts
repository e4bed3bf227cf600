// Writes the OpenAPI document built from the routes (no server, no database needed): the committed
// contract. `node scripts/dump-openapi.ts [path]` (default: openapi.json beside package.json).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../src/openapi-document.ts';

const target = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL('../openapi.json', import.meta.url));
writeFileSync(target, JSON.stringify(await buildOpenApiDocument(), null, 2) + '\n');
console.log(`wrote ${target}`);
