// Field selections shared by queries and mutations, so every answer has the store's shapes.

export const TASK_FIELDS = `
  fragment TaskFields on Task {
    id boardId columnId title description rank version createdAt updatedAt
    createdBy { id name }
  }`;

export const COLUMN_FIELDS = `
  fragment ColumnFields on Column { id boardId name rank }`;

export const MEMBER_FIELDS = `
  fragment MemberFields on Member { role email user { id name } }`;

export const BOARD_FIELDS = `
  fragment BoardFields on Board {
    id name seq
    columns { ...ColumnFields tasks { ...TaskFields } }
    members { ...MemberFields }
  }
  ${COLUMN_FIELDS}
  ${TASK_FIELDS}
  ${MEMBER_FIELDS}`;
