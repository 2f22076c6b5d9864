import type { DragEndEvent, DragOverEvent, DragStartEvent, UniqueIdentifier } from '@dnd-kit/core';
import { arrayMove } from '@dnd-kit/sortable';
import { useState } from 'react';
import type { BoardStore } from '../../store/boardStore';
import { moveColumn, moveTask } from '../../store/mutations';
import { indexInColumn } from '../../store/taskFilter';
import { kindOf } from './dragCollision';

type Lists = Record<string, string[]>;

/**
 * The board's drag and drop. While a task is dragged, `lists` is a working copy of every
 * column's task ids, so the drop place can move into another column; on drop the task's
 * column and index go to moveTask as the contract's index (an array move). While a filter
 * hides some tasks, `lists` holds the visible ones and `all` every task: the drop place is
 * then translated to the whole column.
 */
export function useTaskDrag(store: BoardStore, columnIds: readonly string[], lists: Lists, all: Lists = lists) {
  const [active, setActive] = useState<{ id: string; kind: 'task' | 'column' } | null>(null);
  const [working, setWorking] = useState<Lists | null>(null);
  const current = working ?? lists;

  const containerOf = (id: UniqueIdentifier, within: Lists): string | undefined => {
    const key = String(id);
    if (key in within) return key;
    if (key.startsWith('list:')) return key.slice(5);
    return Object.keys(within).find((columnId) => within[columnId].includes(key));
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    const kind = kindOf(active) === 'column' ? 'column' : 'task';
    setActive({ id: String(active.id), kind });
    if (kind === 'task') setWorking(lists);
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over || kindOf(active) !== 'task' || !working) return;
    const from = containerOf(active.id, working);
    const to = kindOf(over) === 'list' ? String(over.data.current?.columnId) : containerOf(over.id, working);
    if (!from || !to || from === to) return;
    // Into another column: at the hovered task's place, or at the end of an empty list.
    const target = working[to];
    const overIndex = target.indexOf(String(over.id));
    const index = overIndex >= 0 ? overIndex : target.length;
    setWorking({
      ...working,
      [from]: working[from].filter((id) => id !== active.id),
      [to]: [...target.slice(0, index), String(active.id), ...target.slice(index)],
    });
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const id = String(active.id);
    if (kindOf(active) === 'column') {
      const oldIndex = columnIds.indexOf(id);
      const newIndex = over ? columnIds.indexOf(String(over.id)) : -1;
      if (oldIndex >= 0 && newIndex >= 0 && oldIndex !== newIndex) void moveColumn(store, id, newIndex);
    } else if (working) {
      const to = containerOf(id, working);
      if (to) {
        const list = working[to];
        const oldIndex = list.indexOf(id);
        const overIndex = over && kindOf(over) === 'task' ? list.indexOf(String(over.id)) : -1;
        const final = overIndex >= 0 ? arrayMove(list, oldIndex, overIndex) : list;
        const index = all === lists ? final.indexOf(id) : indexInColumn(id, final, all[to] ?? []);
        const from = containerOf(id, all);
        if (from !== to || all[to].indexOf(id) !== index) void moveTask(store, id, to, index);
      }
    }
    setActive(null);
    setWorking(null);
  };

  const onDragCancel = () => {
    setActive(null);
    setWorking(null);
  };

  return { active, lists: current, handlers: { onDragStart, onDragOver, onDragEnd, onDragCancel } };
}
