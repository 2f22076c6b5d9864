import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { toasts } from '../ui/toasts';
import { deleteLocalDb } from './localDb';
import { closeUserData, openUserData, storageFullMessage, withUserDb } from './userData';

afterEach(async () => {
  closeUserData();
  await deleteLocalDb('u-ana');
});

describe('the user’s local data', () => {
  it('says once, in words, that the device is out of space; never quietly', async () => {
    toasts.set([]);
    await openUserData('u-ana');
    const full = async () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(await withUserDb('u-ana', full)).toBeUndefined();
    expect(await withUserDb('u-ana', full)).toBeUndefined();
    expect(toasts.get().map((t) => t.message)).toEqual([storageFullMessage]);
    expect(storageFullMessage).toBe('This device is out of space: boards opened from now on won’t be available offline.');
  });

  it('writes nothing for a user who is no longer the one signed in', async () => {
    await openUserData('u-ana');
    closeUserData();
    let ran = false;
    await withUserDb('u-ana', async () => {
      ran = true;
    });
    expect(ran).toBe(false);
  });
});
