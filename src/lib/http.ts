import type { ServerResponse } from 'node:http';

/** Ends a response with a JSON body; `headers` add to (and may override) the JSON content type. */
export const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};
