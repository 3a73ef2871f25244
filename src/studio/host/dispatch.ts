/**
 * One entry for both transports: validate the request against its schema, then call the
 * backend. Returns the response, or throws StudioApiError for a refused request.
 */
import type { ApiName, ApiResponse, StudioApi } from '../api.js';
import { isApiName, validateRequest } from './requestValidator.js';
import { StudioApiError } from './StudioApiError.js';

export async function dispatch(api: StudioApi, name: string, body: unknown): Promise<ApiResponse<ApiName>> {
  if (!isApiName(name)) throw new StudioApiError(`unknown API call "${name}"`, 404);
  const req = validateRequest(name, body);
  const fn = api[name] as (r: typeof req) => Promise<ApiResponse<ApiName>>;
  return fn.call(api, req);
}
