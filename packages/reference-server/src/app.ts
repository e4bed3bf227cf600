import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './app-env.ts';
import { requireAuth } from './auth/principal.ts';
import type { DemoIssuer, TokenVerifier } from './auth/tokens.ts';
import type { Database } from './db/database.ts';
import { isDatabaseUnavailable } from './db/unavailable.ts';
import { ApiProblem, issuesFromZod, problems, renderProblem } from './http/problem.ts';
import { clientIpMiddleware } from './http/client-ip.ts';
import { rejectNulCharacters } from './http/nul-guard.ts';
import { rateLimit } from './http/rate-limit.ts';
import type { RateLimitOptions } from './http/rate-limit.ts';
import { requestId } from './http/request-id.ts';
import { absenceRoutes } from './routes/absence.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { approvalRoutes } from './routes/approvals.ts';
import { auditRoutes } from './routes/audit.ts';
import { eventRoutes } from './routes/events.ts';
import { leaveRoutes } from './routes/leave.ts';
import { learningCatalogueRoutes } from './routes/learning-catalogue.ts';
import { learningComplianceRoutes } from './routes/learning-compliance.ts';
import { learningEnrolmentRoutes } from './routes/learning-enrolment.ts';
import { peopleRoutes } from './routes/people.ts';
import { demoRoutes } from './routes/demo.ts';
import { p60Routes, payslipRoutes, peoplePayslipRoutes } from './routes/payslips.ts';
import { payrollCalculatorRoutes } from './routes/payroll-calculator.ts';
import { payrollRunRoutes } from './routes/payroll-runs.ts';
import type { PayrollRunOptions } from './domain/payroll-runs/runner.ts';
import { webRoutes } from './web/web-routes.ts';

export interface AppOptions {
  database: Database;
  verifier: TokenVerifier;
  /** Present in demo mode: enables the demo sign-in routes. */
  demo?: DemoIssuer | undefined;
  /** Intranet origins allowed to call the API from the browser. */
  corsOrigins?: string[];
  /** Serve the demo page, API reference and widget bundle (off in API-only deployments and most tests). */
  web?: { widgetsDir: string } | undefined;
  /** Behind your own reverse proxy: trust X-Forwarded-For for this many hops (default: none). */
  trustProxy?: boolean | number;
  /** Per-user request budget (default 300 a minute, bursts of 60); `false` turns it off. */
  rateLimit?: RateLimitOptions | false;
  /** Payroll run tuning (batch size) and test hooks. */
  payrollRuns?: PayrollRunOptions;
  /** Where unexpected errors go; never given tokens or request bodies. */
  logError?: (error: unknown, requestId: string) => void;
}

export const apiVersion = '0.1.0';

export function createApp(options: AppOptions) {
  const app = new OpenAPIHono<AppEnv>({
    // Validation failures from every route become one problem+json shape naming the fields.
    defaultHook: (result) => {
      if (!result.success) throw problems.validation(issuesFromZod(result.error, result.target));
    },
  });

  app.use('*', requestId);
  app.use('*', clientIpMiddleware({ trustProxy: options.trustProxy ?? false }));
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin', crossOriginOpenerPolicy: 'same-origin' }));
  app.use(
    '/v1/*',
    cors({
      origin: options.corsOrigins ?? [],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Request-Id'],
      exposeHeaders: ['ETag', 'Retry-After', 'X-Request-Id', 'Location', 'Content-Disposition', 'Idempotent-Replayed', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
      maxAge: 600,
    }),
  );
  const limitBody = bodyLimit({ maxSize: 256 * 1024, onError: () => { throw new ApiProblem(413, 'payload_too_large', 'Request body too large', 'Request bodies are limited to 256 KiB.'); } });
  // The checks of the request itself (body size, NUL characters). They run after authentication, so a
  // caller without a valid token hears 401 whatever they sent (mounted before the demo routes for those).
  const requestGuards = (path: string) => {
    // GET and HEAD requests never carry a body here; asking for one would make @hono/node-server build
    // a full fetch Request (headers, AbortSignal, stream) for every read, for nothing.
    app.use(path, (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));
    app.use(path, rejectNulCharacters);
  };
  app.use('/v1/*', async (c, next) => {
    c.set('db', options.database.db);
    await next();
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });

  if (options.demo) {
    requestGuards('/v1/demo/*');
    app.route('/v1', demoRoutes(options.demo));
  }
  // Everything else under /v1 needs a signed-in caller ('/v1/me/*' also matches '/v1/me').
  for (const path of ['/v1/me/*', '/v1/people/*', '/v1/audit-events', '/v1/payroll/*', '/v1/approvals', '/v1/approvals/*', '/v1/events', '/v1/calendars/*', '/v1/absence/*', '/v1/courses', '/v1/courses/*', '/v1/sessions/*', '/v1/enrolments', '/v1/enrolments/*', '/v1/learning/*', '/v1/analytics/*']) {
    app.use(path, requireAuth(options.verifier));
  }
  requestGuards('/v1/*');
  // After auth, so the budget is per employee (per address when a route has no caller).
  if (options.rateLimit !== false) app.use('/v1/*', rateLimit(options.rateLimit ?? { limit: 300, windowSeconds: 60, burst: 60 }));
  app.route('/v1', payslipRoutes());
  app.route('/v1', p60Routes());
  app.route('/v1', peopleRoutes());
  app.route('/v1', peoplePayslipRoutes());
  app.route('/v1', payrollCalculatorRoutes());
  app.route('/v1', payrollRunRoutes(options.payrollRuns));
  app.route('/v1', auditRoutes());
  app.route('/v1', approvalRoutes());
  app.route('/v1', eventRoutes());
  app.route('/v1', leaveRoutes());
  app.route('/v1', absenceRoutes());
  app.route('/v1', learningCatalogueRoutes());
  app.route('/v1', learningEnrolmentRoutes());
  app.route('/v1', learningComplianceRoutes());
  app.route('/v1', analyticsRoutes());

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'ESR Kit API',
      version: apiVersion,
      description:
        'Reference API for NHS workforce self-service: payslips, leave, approvals, learning and analytics. ' +
        'Money is integer pence; dates are YYYY-MM-DD; errors are RFC 9457 problem+json.',
    },
    servers: [{ url: '/', description: 'This server' }],
  });

  if (options.web) app.route('/', webRoutes(options.web));

  app.notFound((c) => renderProblem(c, problems.routeNotFound(c.req.method, c.req.path)));
  app.onError((error, c) => {
    if (error instanceof ApiProblem) return renderProblem(c, error);
    // The body validators' own refusals, named like every other validation problem (as the SDK's mocks do).
    if (error instanceof HTTPException && error.status === 400 && /JSON/.test(error.message)) {
      return renderProblem(c, problems.validation([{ path: 'json', message: 'Malformed JSON', code: 'invalid_json' }]));
    }
    if (error instanceof HTTPException && error.status === 415) {
      return renderProblem(c, new ApiProblem(415, 'unsupported_media_type', 'Unsupported media type', 'Send the body as application/json.', {
        errors: [{ path: 'header.content-type', message: 'Must be application/json', code: 'unsupported_media_type' }],
      }));
    }
    if (error instanceof HTTPException && error.status < 500) {
      return renderProblem(c, new ApiProblem(error.status, 'bad_request', 'Bad request', error.message || 'The request could not be read.'));
    }
    // The database restarting or away: say so at once (the pool reconnects by itself when it is back).
    if (isDatabaseUnavailable(error)) return renderProblem(c, problems.unavailable());
    options.logError?.(error, c.get('requestId'));
    return renderProblem(c, problems.internal());
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
