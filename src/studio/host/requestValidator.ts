/**
 * Validates API requests against the contract's JSON Schemas before any handler sees them,
 * in both hosts (Electron IPC and the HTTP server). Compiled once per process.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { API_NAMES, REQUEST_SCHEMAS, type ApiName, type ApiRequest } from '../api.js';
import { StudioApiError } from './StudioApiError.js';

let compiled: Map<ApiName, ValidateFunction> | null = null;

function validators(): Map<ApiName, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: false, strict: true, allowUnionTypes: true });
  compiled = new Map(API_NAMES.map((n) => [n, ajv.compile(REQUEST_SCHEMAS[n])]));
  return compiled;
}

export function isApiName(name: string): name is ApiName {
  return (API_NAMES as string[]).includes(name);
}

/** The request, typed, or a StudioApiError naming the first problem. */
export function validateRequest<N extends ApiName>(name: N, body: unknown): ApiRequest<N> {
  const check = validators().get(name);
  if (!check) throw new StudioApiError(`unknown API call "${name}"`, 404);
  if (!check(body)) {
    const e = check.errors?.[0];
    const where = e?.instancePath || '(request)';
    throw new StudioApiError(`${name}: invalid request at ${where}: ${e?.message ?? 'does not match the schema'}`, 400);
  }
  return body as ApiRequest<N>;
}
