// ASP.NET Core Identity's endpoints under /auth, with the browser cookie.
import { ApiError, ErrorCode } from './errors';

interface ProblemDetails {
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

async function post(path: string, body?: unknown): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(ErrorCode.Network, 'Can’t reach the server.');
  }
  if (response.ok) return;

  let problem: ProblemDetails = {};
  try {
    problem = (await response.json()) as ProblemDetails;
  } catch {
    // no body: the status says enough
  }
  throw new ApiError(codeOf(response.status), messageOf(response.status, problem, response.headers.get('retry-after')));
}

function codeOf(status: number): ApiError['code'] {
  if (status === 401) return ErrorCode.Unauthenticated;
  if (status === 429) return ErrorCode.RateLimited;
  if (status === 400) return ErrorCode.Validation;
  return ErrorCode.Internal;
}

function messageOf(status: number, problem: ProblemDetails, retryAfter: string | null): string {
  if (problem.errors) {
    const messages = Object.values(problem.errors).flat();
    if (messages.length > 0) return messages.join(' ');
  }
  // The server refuses every login in the same words (unknown email, wrong password, too many
  // failures from here), so that nobody learns who has an account.
  if (status === 401) return 'Wrong email or password.';
  if (status === 429) {
    const seconds = Number(retryAfter);
    return seconds > 0 ? `Too many attempts. Try again in ${seconds} s.` : 'Too many attempts. Try again in a moment.';
  }
  return problem.detail || problem.title || `The server answered ${status}.`;
}

export const register = (email: string, password: string): Promise<void> =>
  post('/auth/register', { email, password });

export const login = (email: string, password: string): Promise<void> =>
  post('/auth/login?useCookies=true', { email, password });

export const logout = (): Promise<void> => post('/auth/logout');
