import { clientId } from './clientId';
import { ApiError, ErrorCode, toChangedBy, toErrorCode } from './errors';

interface GraphQLErrorShape {
  message?: string;
  extensions?: { code?: unknown; field?: unknown; current?: unknown; changedBy?: unknown };
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorShape[];
  extensions?: { seq?: unknown };
}

/**
 * A mutation's answer: its result and the seq of the last event it logged on its board
 * (null: it changed nothing). The board's state holds the change once its seq reaches it.
 */
export interface Answered<T> {
  value: T;
  seq: number | null;
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called whenever the server says nobody is signed in (the session ended). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/**
 * One GraphQL operation over POST /graphql with the session cookie. Any GraphQL error
 * becomes an ApiError carrying the contract's code (and `field` / `current` when given).
 */
export async function graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  return (await request<T>(query, variables)).data;
}

/** A mutation whose one field `field` is the answer, with the seq that confirms it. */
export async function mutate<T>(field: string, query: string, variables?: Record<string, unknown>): Promise<Answered<T>> {
  const { data, seq } = await request<Record<string, T>>(query, variables);
  return { value: data[field], seq };
}

async function request<T>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; seq: number | null }> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'X-Client-Id': clientId,
      },
      body: JSON.stringify({ query, variables }),
      // A request that hangs would hold up this tab's later writes to the same items.
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new ApiError(ErrorCode.Network, 'Can’t reach the server.');
  }

  let body: GraphQLResponse<T> | undefined;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    body = undefined;
  }

  const first = body?.errors?.[0];
  if (first) {
    const ext = first.extensions ?? {};
    const error = new ApiError(
      toErrorCode(ext.code),
      first.message ?? 'Request failed.',
      typeof ext.field === 'string' ? ext.field : undefined,
      ext.current,
      toChangedBy(ext.changedBy),
    );
    if (error.code === ErrorCode.Unauthenticated) unauthenticatedListeners.forEach((l) => l());
    throw error;
  }
  if (!response.ok || !body || body.data == null) {
    const code =
      response.status === 401
        ? ErrorCode.Unauthenticated
        : response.status === 429
          ? ErrorCode.RateLimited
          : response.status === 413
            ? ErrorCode.Validation
            : ErrorCode.Internal;
    throw new ApiError(code, `The server answered ${response.status}.`);
  }
  const seq = body.extensions?.seq;
  return { data: body.data, seq: typeof seq === 'number' ? seq : null };
}
