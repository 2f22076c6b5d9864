// Field selections shared by queries and mutations, so every answer has the store's shapes.

export const TASK_FIELDS = `
  fragment TaskFields on Task {
    id boardId columnId title description rank version createdAt updatedAt
    createdBy { id name }
    dueDate labelIds assigneeIds commentCount
    checklist { id taskId text done rank }
  }`;

export const LABEL_FIELDS = `
  fragment LabelFields on Label { id boardId name color }`;

export const CHECKLIST_ITEM_FIELDS = `
  fragment ChecklistItemFields on ChecklistItem { id taskId text done rank }`;

export const COMMENT_FIELDS = `
  fragment CommentFields on Comment { id taskId body createdAt editedAt author { id name } }`;

export const COLUMN_FIELDS = `
  fragment ColumnFields on Column { id boardId name rank }`;

export const MEMBER_FIELDS = `
  fragment MemberFields on Member { role email user { id name } }`;

export const BOARD_FIELDS = `
  fragment BoardFields on Board {
    id name seq
    columns { ...ColumnFields tasks { ...TaskFields } }
    members { ...MemberFields }
    labels { ...LabelFields }
  }
  ${COLUMN_FIELDS}
  ${TASK_FIELDS}
  ${MEMBER_FIELDS}
  ${LABEL_FIELDS}`;
