import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHttpApp } from './http-helpers.ts';

type Schema = { $ref?: string };
type Response = {
  description: string;
  content?: Record<string, { schema: Schema }>;
  headers?: Record<string, { schema?: unknown }>;
};
type Operation = {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, Response>;
};
type Document = {
  openapi: string;
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, unknown> };
};
type Entry = { method: string; path: string; operation: Operation };

const http = useHttpApp();
let document: Document;
let operations: Entry[];

beforeAll(async () => {
  const response = await http.app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (response.statusCode !== 200) {
    throw new Error(`GET /api/openapi.json answered ${response.statusCode}: ${response.body}`);
  }
  document = response.json<Document>();
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
  );
});

const name = ({ method, path }: Entry) => `${method.toUpperCase()} ${path}`;
/** Needs sign-in unless it says `security: []` (the document's default asks for it). */
const isSecured = ({ operation }: Entry) => (operation.security ?? document.security)?.length !== 0;

/** Every `$ref` anywhere under `value`. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(refsIn);
  }
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [child] : refsIn(child),
  );
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI document by the specification’s own JSON schema', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.0');
    const missing = refsIn(document).filter(
      (ref) =>
        document.components.schemas?.[ref.replace('#/components/schemas/', '')] === undefined,
    );
    expect(missing).toEqual([]);
  });

  it('gives every operation a unique camelCase operationId', () => {
    expect(operations.length).toBeGreaterThan(0);
    const ids = operations.map((entry) => entry.operation.operationId);
    expect(
      operations.filter((entry) => entry.operation.operationId === undefined).map(name),
    ).toEqual([]);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names the operations after what they do', () => {
    const idOf = (method: string, path: string) =>
      document.paths[path]?.[method]?.operationId ?? `missing ${method} ${path}`;
    expect(idOf('get', '/api/customers')).toBe('listCustomers');
    expect(idOf('get', '/api/customers/{id}')).toBe('getCustomer');
    expect(idOf('post', '/api/customers')).toBe('createCustomer');
    expect(idOf('patch', '/api/customers/{id}')).toBe('updateCustomer');
    expect(idOf('get', '/api/customers/{id}/events')).toBe('listCustomerEvents');
    expect(idOf('post', '/api/auth/login')).toBe('signIn');
    expect(idOf('post', '/api/auth/logout')).toBe('signOut');
    expect(idOf('get', '/api/auth/me')).toBe('getSession');
    expect(idOf('post', '/api/auth/password')).toBe('changePassword');
    expect(idOf('get', '/api/users')).toBe('listUsers');
    expect(idOf('post', '/api/imports/fec')).toBe('importFec');
    expect(idOf('post', '/api/imports/bank')).toBe('importBankStatement');
  });

  it('describes every response, never as "Default Response"', () => {
    const undescribed = operations.flatMap((entry) =>
      Object.entries(entry.operation.responses)
        .filter(
          ([, response]) => !response.description || response.description === 'Default Response',
        )
        .map(([status]) => `${name(entry)} ${status}`),
    );
    expect(undescribed).toEqual([]);
  });

  it('documents the problem answers: 400 everywhere, 401 when signed in, 404 with an id', () => {
    const lacking = (status: string, applies: (entry: Entry) => boolean) =>
      operations
        .filter((entry) => applies(entry) && entry.operation.responses[status] === undefined)
        .map(name);
    expect(lacking('400', () => true)).toEqual([]);
    expect(lacking('401', isSecured)).toEqual([]);
    expect(lacking('404', (entry) => entry.path.includes('{'))).toEqual([]);
    // ADR 16: refused input is a 400, a refused import file too; no operation answers 422.
    expect(
      operations.filter((entry) => entry.operation.responses['422'] !== undefined).map(name),
    ).toEqual([]);
    expect(
      lacking('429', (entry) =>
        /^(signIn|changePassword)$/.test(entry.operation.operationId ?? ''),
      ),
    ).toEqual([]);
    const throttled = operations.filter((entry) => entry.operation.responses['429'] !== undefined);
    for (const entry of throttled) {
      expect(entry.operation.responses['429']?.headers?.['Retry-After']?.schema).toEqual({
        type: 'integer',
        minimum: 1,
      });
    }
  });

  it('answers every problem as application/problem+json with the Problem schema', () => {
    const wrong = operations.flatMap((entry) =>
      Object.entries(entry.operation.responses)
        .filter(([status]) => status.startsWith('4'))
        .filter(
          ([, response]) =>
            response.content?.['application/problem+json']?.schema.$ref !==
              '#/components/schemas/Problem' || Object.keys(response.content).length !== 1,
        )
        .map(([status]) => `${name(entry)} ${status}`),
    );
    expect(wrong).toEqual([]);
  });

  it('asks for no sign-in to sign in, and for a session or a token elsewhere', () => {
    const signIn = document.paths['/api/auth/login']?.['post'];
    expect(signIn?.security).toEqual([]);
    expect(document.security).toEqual([{ session: [] }, { token: [] }]);
    expect(operations.filter((entry) => !isSecured(entry)).map(name)).toEqual([
      'POST /api/auth/login',
    ]);
  });

  it('shares its schemas as components, referenced by the operations', () => {
    const schemas = document.components.schemas ?? {};
    for (const id of ['Problem', 'Issue', 'Customer', 'CustomerDetail', 'CustomerPage']) {
      expect(Object.keys(schemas)).toContain(id);
    }
    for (const id of ['Invoice', 'InvoicePage', 'Payment', 'Allocation', 'SessionInfo']) {
      expect(Object.keys(schemas)).toContain(id);
    }
    const schemaOf = (method: string, path: string, status: string) =>
      document.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema;
    expect(schemaOf('get', '/api/customers', '200')).toEqual({
      $ref: '#/components/schemas/CustomerPage',
    });
    expect(schemaOf('get', '/api/customers/{id}', '200')).toEqual({
      $ref: '#/components/schemas/CustomerDetail',
    });
    expect(refsIn(schemas['CustomerPage'])).toContain('#/components/schemas/Customer');
  });
});
