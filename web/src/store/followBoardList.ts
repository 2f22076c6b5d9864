// Keeps the board list current while it is shown. The hub tells every connection of a user,
// without joining any board, when that user is added to a board (or their role there changes)
// and when they are removed from one or it is deleted.
import type { User } from '../api/types';
import { realtime } from '../realtime/connection';
import { EventName } from '../realtime/events';
import { dropBoard, loadBoards } from './boardList';

/** Starts following; returns the function that stops. */
export function followBoardList(me: User): () => void {
  const offEvent = realtime.onEvent((event) => {
    if (event.type === EventName.MemberAdded && event.member.user.id === me.id) {
      // The event names the board but not its name or member count: read the list again.
      void loadBoards(me);
    } else if (event.type === EventName.BoardDeleted) {
      dropBoard(event.boardId);
    } else if (event.type === EventName.MemberRemoved && event.userId === me.id) {
      dropBoard(event.boardId);
      // A read already under way may answer with the board still in it; this later one wins.
      void loadBoards(me);
    }
  });
  // Changes while the connection was down were never pushed: read the list after a reconnect.
  const offConnected = realtime.onConnected(() => void loadBoards(me));
  return () => {
    offEvent();
    offConnected();
  };
}
