import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type Over,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { horizontalListSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import { useMemo } from 'react';
import type { Column, Task } from '../../api/types';
import { draftKey } from '../../store/boardState';
import type { BoardView } from '../../store/boardStore';
import { orderedColumns, tasksByColumn } from '../../store/selectors';
import { AddColumn } from './AddColumn';
import { useBoardContext } from './BoardContext';
import { ColumnView } from './ColumnView';
import { boardCollision, boardKeyboardCoordinates } from './dragCollision';
import { editorsByTask } from './editors';
import { TaskCardPreview } from './TaskCard';
import { useTaskDrag } from './useTaskDrag';

const noTasks: Task[] = [];

// Drop places are measured while something is dragged (dnd-kit measures them all as a drag
// starts, and again as lists change under it), not at rest: measured always, every card that
// mounts (a board's first render, a column growing as it is scrolled) had every drop place
// measured again and every card rendered a second time. One object, so a render of the board
// is not a new configuration either.
const measuring = { droppable: { strategy: MeasuringStrategy.WhileDragging } };

// The sensors' options are constants too: dnd-kit keeps a sensor while its options are the same
// object, and new sensors are new drag handlers for every card, each then rendered again (a board
// renders whenever anyone joins or leaves).
const mouseOptions = { activationConstraint: { distance: 6 } };
const touchOptions = { activationConstraint: { delay: 200, tolerance: 8 } };
const keyboardOptions = { coordinateGetter: boardKeyboardCoordinates };

const idLists = (columns: readonly Column[], grouped: ReadonlyMap<string, Task[]>) =>
  Object.fromEntries(columns.map((c) => [c.id, (grouped.get(c.id) ?? noTasks).map((t) => t.id)]));

/** The board's columns; with `visible` (a filter), only the tasks it lets through, and counts of how many of all. */
export function BoardCanvas({ view, visible }: { view: BoardView; visible: ((task: Task) => boolean) | null }) {
  const { store, me, editable } = useBoardContext();
  const { board } = view;
  const columns = orderedColumns(board);
  const everything = tasksByColumn(board);
  const grouped = useMemo(
    () => (visible ? new Map([...everything].map(([columnId, tasks]) => [columnId, tasks.filter(visible)])) : everything),
    [everything, visible],
  );
  const columnIds = useMemo(() => columns.map((c) => c.id), [columns]);
  const lists = useMemo(() => idLists(columns, grouped), [columns, grouped]);
  const allLists = useMemo(() => (visible ? idLists(columns, everything) : lists), [visible, columns, everything, lists]);
  const editors = useMemo(() => editorsByTask(view.presence, me.id), [view.presence, me.id]);
  const drag = useTaskDrag(store, columnIds, lists, allLists);
  // Outside a drag the grouped lists are used as they are, so unchanged columns skip rendering.
  const taskLists = useMemo(
    () =>
      drag.lists === lists
        ? grouped
        : new Map(Object.entries(drag.lists).map(([columnId, ids]) => [columnId, ids.map((id) => board.tasks[id]).filter((t): t is Task => t !== undefined)])),
    [drag.lists, lists, grouped, board.tasks],
  );

  const sensors = useSensors(
    useSensor(MouseSensor, mouseOptions),
    useSensor(TouchSensor, touchOptions),
    useSensor(KeyboardSensor, keyboardOptions),
  );

  const titleOf = (id: string | number) => board.tasks[String(id)]?.title ?? board.columns[String(id)]?.name ?? 'item';
  const placeOf = (id: string | number) => {
    const key = String(id);
    if (key in board.columns) return `column position ${columnIds.indexOf(key) + 1} of ${columnIds.length}`;
    for (const [columnId, ids] of Object.entries(drag.lists)) {
      const index = ids.indexOf(key);
      if (index >= 0) return `${board.columns[columnId]?.name ?? 'a column'}, position ${index + 1} of ${ids.length}`;
    }
    return 'its place';
  };
  // While dragging, the place is where the item is over now: the drag state of this render is
  // one step behind the event being announced.
  const placeOver = (over: Over) => {
    const sortable = over.data.current?.sortable as { containerId: UniqueIdentifier; index: number } | undefined;
    const kind = over.data.current?.type as string | undefined;
    if (kind === 'column') return `column position ${(sortable?.index ?? 0) + 1} of ${columnIds.length}`;
    const columnId = String(kind === 'list' ? over.data.current?.columnId : sortable?.containerId);
    return `${board.columns[columnId]?.name ?? 'a column'}, position ${kind === 'list' ? 1 : (sortable?.index ?? 0) + 1}`;
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}, in ${placeOf(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${titleOf(active.id)} is now in ${placeOver(over)}.` : `${titleOf(active.id)} is not over a drop place.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${titleOf(active.id)}.` : `${titleOf(active.id)} was put back.`),
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled; it is back in its place.`,
  };

  const activeTask = drag.active?.kind === 'task' ? board.tasks[drag.active.id] : undefined;
  const activeColumn = drag.active?.kind === 'column' ? board.columns[drag.active.id] : undefined;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={boardCollision}
      measuring={measuring}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable: 'To move, press Space or Enter. Use the arrow keys to move, Space or Enter to drop, Escape to cancel.',
        },
      }}
      {...drag.handlers}
    >
      <div className="board-scroller">
        <SortableContext id="columns" items={columnIds} strategy={horizontalListSortingStrategy}>
          <div className="columns">
            {columns.map((column) => (
              <ColumnView
                key={column.id}
                column={column}
                tasks={taskLists.get(column.id) ?? noTasks}
                total={visible ? (everything.get(column.id)?.length ?? 0) : null}
                visible={visible}
                drafts={board.drafts}
                flashes={view.flashes}
                editors={editors}
              />
            ))}
            {editable && <AddColumn draft={board.drafts[draftKey.newColumn]} />}
            {columns.length === 0 && !editable && <p className="muted empty-board">This board has no columns yet.</p>}
          </div>
        </SortableContext>
      </div>
      <DragOverlay dropAnimation={null}>
        {activeTask ? <TaskCardPreview task={activeTask} /> : activeColumn ? <div className="column column-overlay"><div className="column-title"><span className="column-name">{activeColumn.name}</span></div></div> : null}
      </DragOverlay>
    </DndContext>
  );
}
