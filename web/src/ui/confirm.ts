import { smallStore } from '../lib/smallStore';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  resolve(ok: boolean): void;
}

export const confirmRequest = smallStore<ConfirmRequest | null>(null);

/** Asks before something that cannot be undone. */
export function confirmAction(title: string, message: string, confirmLabel = 'Delete'): Promise<boolean> {
  confirmRequest.get()?.resolve(false);
  return new Promise((resolve) => {
    confirmRequest.set({
      title,
      message,
      confirmLabel,
      resolve: (ok) => {
        confirmRequest.set(null);
        resolve(ok);
      },
    });
  });
}
