using System.Text;

namespace Actors.Simulation.Json;

/// <summary>
/// A JSON object under construction, written with the spacing of the seed data
/// (<c>{"key": value, "key": value}</c>), whose fields can be removed or rewritten to make malformed variants.
/// </summary>
internal sealed class JsonRecord
{
    private readonly List<JsonField> _fields = [];

    /// <summary>The fields in write order.</summary>
    public IReadOnlyList<JsonField> Fields => _fields;

    /// <summary>Adds a number, which must already be rounded to what should be written.</summary>
    public JsonRecord Number(string name, FieldRole role, double value) =>
        Add(new JsonField(name, role, JsonText.Number(value), null));

    /// <summary>Adds an integer.</summary>
    public JsonRecord Number(string name, FieldRole role, long value) =>
        Add(new JsonField(name, role, JsonText.Number(value), null));

    /// <summary>Adds a string.</summary>
    public JsonRecord String(string name, FieldRole role, string value) =>
        Add(new JsonField(name, role, JsonText.String(value), null));

    /// <summary>Adds a timestamp string.</summary>
    public JsonRecord Time(string name, DateTime value, string format) =>
        Add(new JsonField(name, FieldRole.Time, JsonText.Time(value, format), null));

    /// <summary>Adds a nested object.</summary>
    public JsonRecord Object(string name, JsonRecord nested) =>
        Add(new JsonField(name, FieldRole.Other, null, nested));

    /// <summary>
    /// A copy in which every scalar field, nested ones included, is replaced by what <paramref name="map"/>
    /// returns for it, or removed when it returns <see langword="null"/>.
    /// </summary>
    public JsonRecord Map(Func<JsonField, JsonField?> map)
    {
        var copy = new JsonRecord();
        foreach (var field in _fields)
        {
            var mapped = field.Nested is { } nested ? field with { Nested = nested.Map(map) } : map(field);
            if (mapped is not null)
            {
                copy.Add(mapped);
            }
        }
        return copy;
    }

    /// <summary>The object as JSON text.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(128);
        Write(builder);
        return builder.ToString();
    }

    /// <summary>The object as UTF-8 JSON.</summary>
    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(ToString());

    private JsonRecord Add(JsonField field)
    {
        _fields.Add(field);
        return this;
    }

    private void Write(StringBuilder builder)
    {
        builder.Append('{');
        for (var i = 0; i < _fields.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }
            var field = _fields[i];
            builder.Append(JsonText.String(field.Name)).Append(": ");
            if (field.Nested is { } nested)
            {
                nested.Write(builder);
            }
            else
            {
                builder.Append(field.Token);
            }
        }
        builder.Append('}');
    }
}
