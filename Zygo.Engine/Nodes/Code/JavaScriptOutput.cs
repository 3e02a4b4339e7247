using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Zygo.Engine.Execution;
using JsEngine = Jint.Engine;

namespace Zygo.Engine.Nodes.Code;

/// <summary>
/// Turns a value of the code (its return value, or what it logs) into JSON by JSON.stringify's rules (toJSON, undefined and functions dropped,
/// NaN as null), but bounded: Jint's own serializer neither checks the timeout nor the stack, so a value shared
/// many times over or nested very deep could keep the server busy or overflow its stack.
/// </summary>
/// <param name="subject">What is converted, for messages: "The JavaScript code's return value".</param>
internal sealed class JavaScriptOutput(JsEngine engine, CodeRequest request, string subject)
{
    /// <summary>Rough cost of one value, so the output cannot outgrow the memory limit.</summary>
    private const int BytesPerValue = 16;

    private readonly HashSet<ObjectInstance> _path = new(ReferenceEqualityComparer.Instance);
    private long _budget = request.MemoryLimitBytes;

    public JsonNode? Convert(JsValue value) => TryConvert(JsString.Empty, value, 0, out var node) ? node : null;

    /// <returns>False when JSON leaves the value out (undefined, a function, a symbol).</returns>
    private bool TryConvert(JsValue key, JsValue value, int depth, out JsonNode? node)
    {
        Spend(BytesPerValue);
        if (value.IsObject() && value.AsObject().Get("toJSON") is var toJson && toJson.IsCallable())
        {
            value = engine.Invoke(toJson, value, [key]);
        }

        node = null;
        if (value.IsUndefined() || value.IsCallable() || value.IsSymbol())
        {
            return false;
        }

        if (value.IsBigInt())
        {
            throw Failure("a BigInt has no JSON form (convert it with Number() or String()).");
        }

        node = value switch
        {
            _ when value.IsNull() => null,
            _ when value.IsBoolean() => JsonValue.Create(value.AsBoolean()),
            _ when value.IsNumber() => double.IsFinite(value.AsNumber()) ? JsonValue.Create(value.AsNumber()) : null,
            _ when value.IsString() => String(value.AsString()),
            _ => Container(value.AsObject(), depth + 1),
        };
        return true;
    }

    private JsonValue String(string text)
    {
        Spend(text.Length * sizeof(char));
        return JsonValue.Create(text);
    }

    private JsonNode Container(ObjectInstance value, int depth)
    {
        if (depth > CodeRequest.MaxOutputDepth)
        {
            throw Failure($"it is nested more than {CodeRequest.MaxOutputDepth} levels deep.");
        }

        if (!_path.Add(value))
        {
            throw Failure("it refers to itself (a cycle).");
        }

        JsonNode container = value.IsArray() ? Array(value, depth) : Object(value, depth);
        _path.Remove(value);
        return container;
    }

    private JsonArray Array(ObjectInstance array, int depth)
    {
        var result = new JsonArray();
        var length = (ulong)TypeConverter.ToLength(array.Get("length"));
        for (ulong index = 0; index < length; index++)
        {
            var key = JsValue.FromObject(engine, index);
            result.Add(TryConvert(key, array.Get(key), depth, out var item) ? item : null);
        }

        return result;
    }

    private JsonObject Object(ObjectInstance value, int depth)
    {
        var result = new JsonObject();
        foreach (var key in value.GetOwnPropertyKeys(Types.String))
        {
            if (value.GetOwnProperty(key).Enumerable && TryConvert(key, value.Get(key), depth, out var property))
            {
                result[key.AsString()] = property;
            }
        }

        return result;
    }

    private void Spend(long bytes)
    {
        _budget -= bytes;
        if (_budget < 0)
        {
            throw Failure($"it is larger than the memory limit of {request.MemoryLimitMegabytes} MB.");
        }
    }

    private NodeFailedException Failure(string reason) => new($"{subject} cannot be converted to JSON: {reason}");
}
