/**
 * From a postgres:// URL to a connection pool whose sessions see one crosscheck schema: the
 * schema comes from `?schema=NAME` (default `crosscheck`) and is put in every session's
 * search_path at connection time (a startup option, so no query can run before it is set).
 * PostgreSQL's failures the user can act on become coded StoreErrors here.
 */
import { userInfo } from 'node:os';
import pg from 'pg';
import { StoreError } from '../errors.js';

/** The schema a URL without `?schema=` uses. */
export const DEFAULT_SCHEMA = 'crosscheck';
/** Connections per process: a worker uses one for its job and one for the queue and exports. */
export const DEFAULT_POOL_SIZE = 4;
/** A server that does not answer within this is unreachable (CC606), not a hang. */
const CONNECT_TIMEOUT_MS = 10_000;
/** A plain identifier: no quoting needed anywhere the name is used. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresLocation {
  /** The URL without the crosscheck-only parameters, for pg. */
  connectionString: string;
  schema: string;
  /** The URL with any password hidden, for messages. */
  shown: string;
}

export function redact(url: string): string {
  return url.replace(/\/\/([^@/:]*):[^@/]*@/, '//$1:…@');
}

export function parseLocation(url: string, schemaOption?: string): PostgresLocation {
  const shown = redact(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreError('CC604', `${shown} is not a valid postgres:// URL`, { uri: shown });
  }
  const schema = schemaOption ?? parsed.searchParams.get('schema') ?? DEFAULT_SCHEMA;
  if (!SCHEMA_NAME.test(schema)) {
    throw new StoreError('CC604', `${shown}: schema "${schema}" must be lower-case letters, digits and _ (at most 63)`, { uri: shown });
  }
  parsed.searchParams.delete('schema');
  // libpq's default user is the login name; node-postgres reads only $USER, which a service may lack.
  if (!parsed.username && !process.env['PGUSER'] && !process.env['USER']) parsed.username = encodeURIComponent(userInfo().username);
  return { connectionString: parsed.toString(), schema, shown };
}

export function createPool(location: PostgresLocation, size = DEFAULT_POOL_SIZE): pg.Pool {
  const pool = new pg.Pool({
    connectionString: location.connectionString,
    options: `-c search_path=${location.schema}`,
    max: size,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'crosscheck',
  });
  // An idle connection the server drops (restart, timeout) must not crash the process; the
  // pool opens a new one for the next query.
  pool.on('error', () => undefined);
  return pool;
}

interface PgError {
  code?: string;
  message: string;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN']);

/** PostgreSQL's failures the user can act on as coded StoreErrors; anything else is passed on. */
export function translate(e: unknown, uri: string): unknown {
  if (e instanceof StoreError || !(e instanceof Error)) return e;
  const { code, message } = e as PgError;
  if (code === undefined) {
    if (/timeout expired|Connection terminated/i.test(message)) return new StoreError('CC606', message, { uri, cause: e });
    return e;
  }
  if (UNREACHABLE.has(code) || code.startsWith('28') || code === '3D000' || code === '57P03' || code.startsWith('08')) {
    return new StoreError('CC606', message, { uri, cause: e });
  }
  if (code === '55P03' || code === '57014') return new StoreError('CC603', message, { uri, cause: e });
  if (code.startsWith('53') || code === '42501' || code === '25006') return new StoreError('CC604', message, { uri, cause: e });
  return e;
}

/** SQLSTATEs after which the whole transaction can simply be run again. */
export function isRetryable(e: unknown): boolean {
  const code = (e as PgError | undefined)?.code;
  return code === '40001' || code === '40P01';
}
