// Failures as the contract names them (extensions.code), plus NETWORK for "no answer at all".
import type { ChangedBy } from './types';

export const ErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Validation: 'VALIDATION',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  Internal: 'INTERNAL',
  Network: 'NETWORK',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class ApiError extends Error {
  readonly code: ErrorCode;
  /** The input field at fault, for VALIDATION. */
  readonly field: string | undefined;
  /** The item as it is now, for CONFLICT (a task). */
  readonly current: unknown;
  /** For CONFLICT of updateTask and moveTask: who made the later change ours met. */
  readonly changedBy: ChangedBy | undefined;

  constructor(code: ErrorCode, message: string, field?: string, current?: unknown, changedBy?: ChangedBy) {
    super(message);
    this.changedBy = changedBy;
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
    this.current = current;
  }
}

const knownCodes = new Set<string>(Object.values(ErrorCode));

export function toErrorCode(value: unknown): ErrorCode {
  return typeof value === 'string' && knownCodes.has(value) ? (value as ErrorCode) : ErrorCode.Internal;
}

export function toChangedBy(value: unknown): ChangedBy | undefined {
  const v = value as ChangedBy | null | undefined;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.name === 'string' ? { id: v.id, name: v.name } : undefined;
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/**
 * addMember's answer for an email that belongs to no account: NOT_FOUND naming the user (a
 * board that is gone is NOT_FOUND too, naming the board). Only an OWNER can ask, so this
 * tells nobody else who has an account.
 */
export function isUnknownUser(error: unknown): boolean {
  return isApiError(error, ErrorCode.NotFound) && /^User\b/.test(error.message);
}

/** What to do when nobody has signed up with the email an owner tried to add. */
export function describeUnknownUser(email: string): string {
  return `Nobody has signed up with ${email} yet. Ask them to create an account first, then add them here.`;
}

/** What a person reads in a toast when a change was refused. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong.';
  switch (error.code) {
    case ErrorCode.Unauthenticated:
      return 'Your session has ended. Please sign in again.';
    case ErrorCode.Forbidden:
      return 'You don’t have permission to do that on this board.';
    case ErrorCode.NotFound:
      return 'That item no longer exists.';
    case ErrorCode.Validation:
      return error.message || 'That value is not accepted.';
    case ErrorCode.Conflict:
      return 'Someone else changed this first.';
    case ErrorCode.RateLimited:
      return 'Too many changes at once. Try again in a moment.';
    case ErrorCode.Network:
      return 'Can’t reach the server. Check your connection.';
    default:
      return 'Something went wrong on the server.';
  }
}
