// Where a dragged column or task is over: columns only among columns; a task among tasks,
// or an empty column's list.
import {
  closestCenter,
  getFirstCollision,
  pointerWithin,
  rectIntersection,
  type CollisionDetection,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';

export type DragKind = 'task' | 'column' | 'list';

export const kindOf = (container: { data: { current?: Record<string, unknown> } } | null | undefined): DragKind | undefined =>
  container?.data.current?.type as DragKind | undefined;

const accepts = (active: DragKind | undefined, target: DroppableContainer): boolean =>
  active === 'column' ? kindOf(target) === 'column' : kindOf(target) !== 'column';

export const boardCollision: CollisionDetection = (args) => {
  const activeKind = kindOf(args.active);
  const candidates = args.droppableContainers.filter((c) => accepts(activeKind, c));
  if (activeKind === 'column') return closestCenter({ ...args, droppableContainers: candidates });

  const pointer = pointerWithin({ ...args, droppableContainers: candidates });
  const hits = pointer.length > 0 ? pointer : rectIntersection({ ...args, droppableContainers: candidates });
  const first = getFirstCollision(hits);
  if (!first) return closestCenter({ ...args, droppableContainers: candidates });

  // Over a column's list: prefer the nearest task in it, so the drop place follows the pointer.
  const target = candidates.find((c) => c.id === first.id);
  if (kindOf(target) === 'list') {
    const columnId = target!.data.current?.columnId;
    const inList = candidates.filter((c) => kindOf(c) === 'task' && c.data.current?.sortable?.containerId === columnId);
    if (inList.length > 0) {
      const nearest = closestCenter({ ...args, droppableContainers: inList });
      if (nearest.length > 0) return nearest;
    }
  }
  return hits;
};

/** How far (px) a drop place must lie in the arrow's direction: dnd-kit alone counts a subpixel step as "to the right". */
const minStep = 8;

/** Arrow keys move a dragged task among tasks and lists, and a column among columns. */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const { droppableContainers: all, droppableRects, collisionRect, active } = args.context;
  const activeKind = kindOf(active);
  const ahead = (id: UniqueIdentifier): boolean => {
    const rect = droppableRects.get(id);
    if (!rect || !collisionRect) return false;
    switch (event.code) {
      case 'ArrowRight':
        return rect.left > collisionRect.left + minStep;
      case 'ArrowLeft':
        return rect.left < collisionRect.left - minStep;
      case 'ArrowDown':
        return rect.top > collisionRect.top + minStep;
      case 'ArrowUp':
        return rect.top < collisionRect.top - minStep;
      default:
        return true;
    }
  };
  const filtered = {
    getEnabled: () => all.getEnabled().filter((c) => c.id !== active?.id && accepts(activeKind, c) && ahead(c.id)),
    get: (id: UniqueIdentifier) => all.get(id),
  } as typeof all;
  return sortableKeyboardCoordinates(event, { ...args, context: { ...args.context, droppableContainers: filtered } });
};
