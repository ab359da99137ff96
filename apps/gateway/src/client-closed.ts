import { GatewayError, type OpenAIErrorBody } from '@keeptrusts/core';

/**
 * The body recorded for a request whose client went away before its answer was complete. Nobody
 * reads it; the audit record and the logs say `client_closed` (status 499, nginx's convention).
 */
export function clientClosedBody(): OpenAIErrorBody {
  const body = new GatewayError('invalid_request_error', 'the client closed the connection').toOpenAI();
  body.error.code = 'client_closed';
  return body;
}
