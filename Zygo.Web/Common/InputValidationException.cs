namespace Zygo.Web.Common;

/// <summary>Input that is well-formed JSON but not acceptable; carries a message per field, shown as 400.</summary>
public sealed class InputValidationException(IDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public InputValidationException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IDictionary<string, string[]> Errors { get; } = errors;
}
