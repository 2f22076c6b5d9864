// Every write of the app goes through here.
export { createTask, newTask, moveTask, deleteTask, updateTask, type UpdateOutcome } from './tasks';
export { createColumn, renameColumn, moveColumn, deleteColumn } from './columns';
export { renameBoard, addMember, changeRole, removeMember } from './board';
export { createBoard, renameBoardInList, deleteBoard } from './boards';
export { createLabel, updateLabel, deleteLabel } from './labels';
export { setTaskLabel, setTaskAssignee, setDueDate } from './taskFields';
export { addChecklistItem, updateChecklistItem, moveChecklistItem, deleteChecklistItem } from './checklist';
export { loadComments, addComment, editComment, deleteComment } from './comments';
export { restoreTask, restoreColumn } from './trash';
export { undo, redo, undoChange } from './undo';
