import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import type { AdminRole, DemoIssuer } from '../auth/tokens.ts';
import { problems } from '../http/problem.ts';
import { jsonContent, problemResponses } from '../http/schemas.ts';
import { findEmployeeForSignIn, listDemoPeople } from '../domain/people/demo-people.ts';

const Role = z.enum(['employee', 'manager', 'hr_admin', 'payroll_admin', 'learning_admin']);

const DemoPerson = z
  .object({
    employeeId: z.string().openapi({ example: 'emp_000123' }),
    name: z.string(),
    jobTitle: z.string(),
    organisation: z.string(),
    roles: z.array(Role),
  })
  .openapi('DemoPerson');

const peopleRoute = createRoute({
  method: 'get',
  path: '/demo/people',
  operationId: 'listDemoPeople',
  tags: ['Demo sign-in'],
  summary: 'Seeded people to sign in as (demo mode only)',
  request: {
    query: z.strictObject({
      role: Role.default('employee').openapi({ param: { name: 'role', in: 'query' } }),
      limit: z.coerce.number().int().min(1).max(50).default(8).openapi({ param: { name: 'limit', in: 'query' } }),
    }),
  },
  responses: {
    200: jsonContent(z.object({ data: z.array(DemoPerson) }).openapi('DemoPeople'), 'People with that role.'),
    400: problemResponses[400],
  },
});

const TokenResponse = z
  .object({
    token: z.string().openapi({ description: 'A bearer JWT for the API.' }),
    expiresAt: z.string().openapi({ example: '2026-11-25T19:00:00.000Z' }),
    employeeId: z.string(),
    name: z.string(),
  })
  .openapi('DemoToken');

const signInRoute = createRoute({
  method: 'post',
  path: '/demo/sign-in',
  operationId: 'demoSignIn',
  tags: ['Demo sign-in'],
  summary: 'Get a token for a seeded person (demo mode only)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({ employeeId: z.string().regex(/^emp_[A-Za-z0-9]{1,64}$/, 'Employee ids look like emp_…') }),
        },
      },
    },
  },
  responses: {
    200: jsonContent(TokenResponse, 'A signed token.'),
    400: problemResponses[400],
    404: problemResponses[404],
  },
});

const tokenTtlSeconds = 8 * 3600;

export function demoRoutes(issuer: DemoIssuer) {
  return new OpenAPIHono<AppEnv>()
    .openapi(peopleRoute, async (c) => {
      const { role, limit } = c.req.valid('query');
      return c.json({ data: await listDemoPeople(c.var.db, role, limit) }, 200);
    })
    .openapi(signInRoute, async (c) => {
      const { employeeId } = c.req.valid('json');
      const employee = await findEmployeeForSignIn(c.var.db, employeeId);
      if (!employee) throw problems.notFound(`Employee ${employeeId}`);
      const token = await issuer.sign(
        { sub: employee.id, org: employee.organisationId, roles: employee.roles as AdminRole[] },
        tokenTtlSeconds,
      );
      return c.json(
        {
          token,
          expiresAt: new Date(Date.now() + tokenTtlSeconds * 1000).toISOString(),
          employeeId: employee.id,
          name: `${employee.firstName} ${employee.lastName}`,
        },
        200,
      );
    });
}
