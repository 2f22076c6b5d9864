#!/usr/bin/env node
// Runs graphql-http's GraphQL-over-HTTP server audits against a running server.
//
// Usage: node audit.mjs <graphql-url> [bearer-token]
//
// Prints ONE JSON document on stdout: an array of
//   { id, name, status, reason, responseStatus, responseBody }
// where `name` starts with MUST / SHOULD / MAY, `status` is 'ok' | 'notice' |
// 'warn' | 'error' (graphql-http's own verdict: a failed MUST is 'error', a
// failed SHOULD 'warn', a failed MAY 'notice'), `reason` is null when ok, and
// responseStatus / responseBody (first 500 characters) describe the response
// of a failed audit when it can still be read.
//
// An audit that throws (graphql-http calls that fatal, e.g. a network error)
// is reported as status 'error' with reason "fatal: ...".
//
// Exit code: 0 whenever the audits ran (the caller judges the results);
// 2 on bad usage; 1 if they could not run at all (every audit failed fatally,
// e.g. nothing listens at the URL) or the script itself crashed.

import { serverAudits } from 'graphql-http';

const REQUEST_TIMEOUT_MS = 15_000;
const BODY_SNIPPET_CHARS = 500;

const [url, token] = process.argv.slice(2);
if (!url || process.argv.length > 4) {
  process.stderr.write('usage: node audit.mjs <graphql-url> [bearer-token]\n');
  process.exit(2);
}
try {
  new URL(url);
} catch {
  process.stderr.write(`audit.mjs: not a URL: ${url}\n`);
  process.exit(2);
}

/** fetch that adds the bearer token (when given) and a timeout to every request. */
function fetchFn(input, init = {}) {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  return fetch(input, {
    ...init,
    headers,
    signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

function describeError(err) {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
    return `${err.name}: ${err.message}${cause}`;
  }
  return String(err);
}

async function bodySnippet(response) {
  if (!response || response.bodyUsed) return null;
  try {
    const text = await response.text();
    return text.length > BODY_SNIPPET_CHARS ? `${text.slice(0, BODY_SNIPPET_CHARS)}…` : text;
  } catch {
    return null;
  }
}

async function main() {
  const results = [];
  let fatal = 0;
  // One at a time: keeps the load on the server small and the output in a stable order.
  for (const audit of serverAudits({ url, fetchFn })) {
    try {
      const result = await audit.fn();
      const failed = result.status !== 'ok';
      results.push({
        id: result.id ?? audit.id,
        name: result.name ?? audit.name,
        status: result.status,
        reason: failed ? String(result.reason ?? '') : null,
        responseStatus: failed && result.response ? result.response.status : null,
        responseBody: failed ? await bodySnippet(result.response) : null,
      });
    } catch (err) {
      fatal++;
      results.push({
        id: audit.id,
        name: audit.name,
        status: 'error',
        reason: `fatal: ${describeError(err)}`,
        responseStatus: null,
        responseBody: null,
      });
    }
  }

  const ranAtAll = results.length > 0 && fatal < results.length;
  if (!ranAtAll) {
    process.stderr.write(
      `audit.mjs: could not run the audits against ${url}: ` +
        `${results[0]?.reason ?? 'graphql-http returned no audits'}\n`,
    );
  }
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`, () => {
    process.exit(ranAtAll ? 0 : 1);
  });
}

main().catch((err) => {
  process.stderr.write(`audit.mjs: ${err?.stack ?? err}\n`);
  process.exit(1);
});
