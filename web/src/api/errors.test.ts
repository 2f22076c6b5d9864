import { describe, expect, it } from 'vitest';
import { ApiError, ErrorCode, isUnknownUser } from './errors';

describe('isUnknownUser', () => {
  it('is addMember’s NOT_FOUND for an email with no account, not a board that is gone', () => {
    expect(isUnknownUser(new ApiError(ErrorCode.NotFound, 'User not found.'))).toBe(true);
    expect(isUnknownUser(new ApiError(ErrorCode.NotFound, 'Board not found.'))).toBe(false);
    expect(isUnknownUser(new ApiError(ErrorCode.Forbidden, 'User not found.'))).toBe(false);
    expect(isUnknownUser(new Error('User not found.'))).toBe(false);
  });
});
