using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using GraphQLParser.AST;
using Kanban.Server.Boards;
using Kanban.Server.GraphQL.Types;

namespace Kanban.Server.GraphQL;

/// <summary>
/// Writes the answer to a <c>board</c> query straight from a kept board, field by field as the
/// query selects them (fragments merged, in the order GraphQL gives them), each value as
/// GraphQL.NET writes it: the same bytes as its run, without resolving ≈ 90,000 fields one by
/// one for a board of 2,000 tasks. Only for selections <see cref="KeptAnswers"/> admits: every
/// field a plain part of the kept board, no aliases, no arguments, no directives.
/// </summary>
public static class BoardAnswer
{
    /// <summary>
    /// The fields of each type a kept board holds, with the type of a field's objects (null: a
    /// value): what <see cref="KeptAnswers"/> admits, and what the writers below write.
    /// </summary>
    public static readonly FrozenDictionary<string, FrozenDictionary<string, string?>> Fields =
        new Dictionary<string, FrozenDictionary<string, string?>>
        {
            ["Board"] = Of(("id", null), ("name", null), ("seq", null), ("columns", "Column"), ("members", "Member"), ("labels", "Label")),
            ["Column"] = Of(("id", null), ("boardId", null), ("name", null), ("rank", null), ("tasks", "Task")),
            ["Task"] = Of(("id", null), ("boardId", null), ("columnId", null), ("title", null), ("description", null), ("rank", null),
                ("version", null), ("createdAt", null), ("updatedAt", null), ("createdBy", "User"), ("dueDate", null),
                ("labelIds", null), ("assigneeIds", null), ("checklist", "ChecklistItem"), ("commentCount", null)),
            ["Member"] = Of(("role", null), ("email", null), ("user", "User")),
            ["User"] = Of(("id", null), ("name", null)),
            ["Label"] = Of(("id", null), ("boardId", null), ("name", null), ("color", null)),
            ["ChecklistItem"] = Of(("id", null), ("taskId", null), ("text", null), ("done", null), ("rank", null)),
        }.ToFrozenDictionary();

    private static readonly RoleType Roles = new();
    private static readonly LabelColorType Colors = new();

    /// <summary>A selection's fields by response name, in order, each with the selection sets asking into it.</summary>
    private sealed class Selected : List<(string Name, List<GraphQLSelectionSet> Inner)>;

    public static byte[] Write(BoardView board, GraphQLField field, IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            var writer = new Writer(w, fragments);
            w.WriteStartObject();
            w.WritePropertyName("data");
            w.WriteStartObject();
            w.WritePropertyName("board");
            writer.Board(board, writer.Collect([field.SelectionSet!]));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private sealed class Writer(Utf8JsonWriter w, IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments)
    {
        /// <summary>GraphQL's field collection: fragments spread in place, one entry per response name.</summary>
        public Selected Collect(IEnumerable<GraphQLSelectionSet> sets)
        {
            var fields = new Selected();
            var at = new Dictionary<string, int>();
            void Visit(GraphQLSelectionSet set)
            {
                foreach (var selection in set.Selections)
                {
                    switch (selection)
                    {
                        case GraphQLField f:
                            var name = f.Name.StringValue;
                            if (!at.TryGetValue(name, out var i))
                            {
                                at[name] = i = fields.Count;
                                fields.Add((name, []));
                            }
                            if (f.SelectionSet is { } inner)
                                fields[i].Inner.Add(inner);
                            break;
                        case GraphQLInlineFragment inline:
                            Visit(inline.SelectionSet);
                            break;
                        case GraphQLFragmentSpread spread:
                            Visit(fragments[spread.FragmentName.Name.StringValue].SelectionSet);
                            break;
                    }
                }
            }
            foreach (var set in sets)
                Visit(set);
            return fields;
        }

        public void Board(BoardView b, Selected fields)
        {
            w.WriteStartObject();
            foreach (var (name, inner) in fields)
            {
                w.WritePropertyName(name);
                switch (name)
                {
                    case "__typename": w.WriteStringValue("Board"); break;
                    case "id": Id(b.Id); break;
                    case "name": w.WriteStringValue(b.Name); break;
                    case "seq": w.WriteNumberValue(b.Seq); break;
                    case "columns": List(b.Columns!, Collect(inner), Column); break;
                    case "members": List(b.Members!, Collect(inner), Member); break;
                    case "labels": List(b.Labels!, Collect(inner), Label); break;
                    default: throw Unknown("Board", name);
                }
            }
            w.WriteEndObject();
        }

        private void Column(ColumnView c, Selected fields)
        {
            w.WriteStartObject();
            foreach (var (name, inner) in fields)
            {
                w.WritePropertyName(name);
                switch (name)
                {
                    case "__typename": w.WriteStringValue("Column"); break;
                    case "id": Id(c.Id); break;
                    case "boardId": Id(c.BoardId); break;
                    case "name": w.WriteStringValue(c.Name); break;
                    case "rank": w.WriteStringValue(c.Rank); break;
                    case "tasks": List(c.Tasks!, Collect(inner), Task); break;
                    default: throw Unknown("Column", name);
                }
            }
            w.WriteEndObject();
        }

        private void Task(TaskView t, Selected fields)
        {
            w.WriteStartObject();
            foreach (var (name, inner) in fields)
            {
                w.WritePropertyName(name);
                switch (name)
                {
                    case "__typename": w.WriteStringValue("Task"); break;
                    case "id": Id(t.Id); break;
                    case "boardId": Id(t.BoardId); break;
                    case "columnId": Id(t.ColumnId); break;
                    case "title": w.WriteStringValue(t.Title); break;
                    case "description": w.WriteStringValue(t.Description); break;
                    case "rank": w.WriteStringValue(t.Rank); break;
                    case "version": w.WriteNumberValue(t.Version); break;
                    case "createdAt": w.WriteStringValue(t.CreatedAt); break;
                    case "updatedAt": w.WriteStringValue(t.UpdatedAt); break;
                    case "createdBy": User(t.CreatedBy, Collect(inner)); break;
                    case "dueDate":
                        if (t.DueDate is { } due)
                            w.WriteStringValue(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        else
                            w.WriteNullValue();
                        break;
                    case "labelIds":
                        w.WriteStartArray();
                        foreach (var id in t.LabelIds)
                            Id(id);
                        w.WriteEndArray();
                        break;
                    case "assigneeIds":
                        w.WriteStartArray();
                        foreach (var id in t.AssigneeIds)
                            w.WriteStringValue(id);
                        w.WriteEndArray();
                        break;
                    case "checklist": List(t.Checklist, Collect(inner), ChecklistItem); break;
                    case "commentCount": w.WriteNumberValue(t.CommentCount); break;
                    default: throw Unknown("Task", name);
                }
            }
            w.WriteEndObject();
        }

        private void Member(MemberView m, Selected fields)
        {
            w.WriteStartObject();
            foreach (var (name, inner) in fields)
            {
                w.WritePropertyName(name);
                switch (name)
                {
                    case "__typename": w.WriteStringValue("Member"); break;
                    case "role": w.WriteStringValue((string)Roles.Serialize(m.Role)!); break;
                    case "email":
                        if (m.Email is { } email)
                            w.WriteStringValue(email);
                        else
                            w.WriteNullValue();
                        break;
                    case "user": User(m.User, Collect(inner)); break;
                    default: throw Unknown("Member", name);
                }
            }
            w.WriteEndObject();
        }

        private void User(UserView u, Selected fields)
        {
            w.WriteStartObject();
            foreach (var (name, _) in fields)
            {
                w.WritePropertyName(name);
                switch (name)
                {
                    case "__typename": w.WriteStringValue("User"); break;
                    case "id": w.WriteStringValue(u.Id); break;
                    case "name": w.WriteStringValue(u.Name); break;
                    default: throw Unknown("User", name);
                }
            }
            w.WriteEndObject();
        }

        private void Label(LabelView l, Selected fields)
        {
            w.WriteStartObject();
            foreach (var (name, _) in fields)
            {
                w.WritePropertyName(name);
                switch (name)
                {
                    case "__typename": w.WriteStringValue("Label"); break;
                    case "id": Id(l.Id); break;
                    case "boardId": Id(l.BoardId); break;
                    case "name": w.WriteStringValue(l.Name); break;
                    case "color": w.WriteStringValue((string)Colors.Serialize(l.Color)!); break;
                    default: throw Unknown("Label", name);
                }
            }
            w.WriteEndObject();
        }

        private void ChecklistItem(ChecklistItemView i, Selected fields)
        {
            w.WriteStartObject();
            foreach (var (name, _) in fields)
            {
                w.WritePropertyName(name);
                switch (name)
                {
                    case "__typename": w.WriteStringValue("ChecklistItem"); break;
                    case "id": Id(i.Id); break;
                    case "taskId": Id(i.TaskId); break;
                    case "text": w.WriteStringValue(i.Text); break;
                    case "done": w.WriteBooleanValue(i.Done); break;
                    case "rank": w.WriteStringValue(i.Rank); break;
                    default: throw Unknown("ChecklistItem", name);
                }
            }
            w.WriteEndObject();
        }

        private void List<T>(IEnumerable<T> items, Selected fields, Action<T, Selected> item)
        {
            w.WriteStartArray();
            foreach (var i in items)
                item(i, fields);
            w.WriteEndArray();
        }

        private void Id(Guid id) => w.WriteStringValue(id);

        // KeptAnswers admits only the fields above: reaching this is a bug, not a client's error.
        private static InvalidOperationException Unknown(string type, string field) => new($"{type}.{field} is not part of a kept board.");
    }

    private static FrozenDictionary<string, string?> Of(params (string Field, string? Type)[] fields) =>
        fields.ToFrozenDictionary(f => f.Field, f => f.Type);
}
