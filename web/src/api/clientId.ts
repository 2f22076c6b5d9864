import { v7 as uuidv7 } from 'uuid';

/**
 * This tab's id, sent as `X-Client-Id` with every request. Events caused by our own
 * requests come back with it as `origin`, so the tab recognises its own changes.
 * One per page load: a second tab of the same user is another client.
 */
export const clientId: string = uuidv7();

/** A fresh UUIDv7 for an item this client creates (tasks, columns, boards). */
export const newId = (): string => uuidv7();
