import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface ServerConfig {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Demo mode signs its own tokens and offers demo sign-in; off when an issuer is configured. */
  demo: boolean;
  jwt: { issuer: string; audience: string; jwksUrl: string | undefined; publicKeyPem: string | undefined };
  corsOrigins: string[];
  seedStaff: number;
  widgetsDir: string;
  /**
   * Server processes sharing the port (node:cluster, ESR_PROCESSES); 1 = this process only. More than 1
   * needs PostgreSQL: a PGlite data folder belongs to one process.
   */
  processes: number;
  /** Demo mode: the signing key (private JWK) every server process shares; set by the primary. */
  demoSigningKey: string | undefined;
  /** Payroll workers in each server process (ESR_PAYROLL_WORKERS, default 1; 0 = API only, worker processes do the runs). */
  payrollWorkers: number;
}

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** All settings from the environment, validated once at start-up. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env['PORT'] ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env['PORT']}`);
  const processes = env['ESR_PROCESSES'] === 'auto' ? availableParallelism() : Number(env['ESR_PROCESSES'] ?? 1);
  if (!Number.isInteger(processes) || processes < 1) throw new Error(`ESR_PROCESSES must be a whole number ≥ 1 or "auto", got ${env['ESR_PROCESSES']}`);
  const issuer = env['ESR_JWT_ISSUER'];
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must be a postgres:// URL');
  const payrollWorkers = Number(env['ESR_PAYROLL_WORKERS'] ?? 1);
  if (!Number.isInteger(payrollWorkers) || payrollWorkers < 0 || payrollWorkers > 64) {
    throw new Error(`ESR_PAYROLL_WORKERS must be a whole number from 0 to 64, got ${env['ESR_PAYROLL_WORKERS']}`);
  }
  return {
    host: env['HOST'] ?? '127.0.0.1',
    port,
    databaseUrl,
    dataDir: env['ESR_DATA_DIR'] ?? `${packageRoot}.data/pglite`,
    demo: !issuer || env['ESR_DEMO'] === '1',
    jwt: {
      issuer: issuer ?? 'esr-kit-demo',
      audience: env['ESR_JWT_AUDIENCE'] ?? 'esr-kit',
      jwksUrl: env['ESR_JWKS_URL'],
      publicKeyPem: env['ESR_JWT_PUBLIC_KEY'],
    },
    corsOrigins: (env['ESR_CORS_ORIGINS'] ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    seedStaff: Number(env['ESR_SEED_STAFF'] ?? 2000),
    widgetsDir: env['ESR_WIDGETS_DIR'] ?? fileURLToPath(new URL('../../widgets/dist/', import.meta.url)),
    processes,
    payrollWorkers,
    demoSigningKey: env['ESR_DEMO_SIGNING_KEY'] || undefined,
  };
}
