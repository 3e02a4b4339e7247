using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Flow;

namespace Zygo.Tests.Engine.Flow;

public sealed class ConditionEvaluatorTests
{
    [Theory]
    // equals: numbers by value when both sides read as numbers, booleans as booleans, else case-sensitive text.
    [InlineData("5", "equals", "5.0", true)]
    [InlineData("\"10\"", "equals", "10", true)]
    [InlineData("0.10", "equals", "0.1", true)]
    [InlineData("\"12345678901234567890\"", "equals", "12345678901234567891", false)]
    [InlineData("\"abc\"", "equals", "abc", true)]
    [InlineData("\"abc\"", "equals", "ABC", false)]
    [InlineData("\"10\"", "equals", "9", false)]
    [InlineData("true", "equals", "true", true)]
    [InlineData("true", "equals", "True", true)]
    [InlineData("false", "equals", "true", false)]
    [InlineData("[1,2]", "equals", "[1,2]", true)]
    [InlineData("null", "equals", "x", false)]
    [InlineData("null", "equals", "", true)]
    [InlineData("\"a\"", "not_equals", "b", true)]
    [InlineData("5", "not_equals", "5", false)]
    // ordering: numerically when both are numbers (10 > 9 although "10" < "9" as text), else ordinal text.
    [InlineData("10", "greater_than", "9", true)]
    [InlineData("\"10\"", "greater_than", "9", true)]
    [InlineData("9", "greater_than", "10", false)]
    [InlineData("\"b\"", "greater_than", "a", true)]
    [InlineData("\"a\"", "greater_than", "b", false)]
    [InlineData("\"2024-05-01\"", "greater_than", "2024-04-30", true)]
    [InlineData("null", "greater_than", "-1", false)]
    [InlineData("9", "less_than", "10", true)]
    [InlineData("10", "less_than", "9", false)]
    [InlineData("null", "less_than", "5", false)]
    [InlineData("5", "gte", "5", true)]
    [InlineData("\"1e3\"", "gte", "999", true)]
    [InlineData("4", "gte", "5", false)]
    [InlineData("5", "lte", "5", true)]
    [InlineData("6", "lte", "5", false)]
    // contains: substring of text, element of a list (by equals), field of an object.
    [InlineData("\"hello world\"", "contains", "world", true)]
    [InlineData("\"Hello\"", "contains", "hello", false)]
    [InlineData("[\"a\",\"b\"]", "contains", "b", true)]
    [InlineData("[\"a\",\"b\"]", "contains", "c", false)]
    [InlineData("[1,2,3]", "contains", "2.0", true)]
    [InlineData("{\"vip\":true}", "contains", "vip", true)]
    [InlineData("{\"vip\":true}", "contains", "gold", false)]
    [InlineData("12345", "contains", "234", true)]
    [InlineData("null", "contains", "x", false)]
    [InlineData("\"abc\"", "not_contains", "d", true)]
    [InlineData("[\"a\"]", "not_contains", "a", false)]
    [InlineData("null", "not_contains", "x", true)]
    [InlineData("\"hello\"", "starts_with", "he", true)]
    [InlineData("\"hello\"", "starts_with", "lo", false)]
    [InlineData("\"hello\"", "ends_with", "lo", true)]
    [InlineData("\"hello\"", "ends_with", "he", false)]
    [InlineData("null", "is_empty", "", true)]
    [InlineData("\"\"", "is_empty", "", true)]
    [InlineData("[]", "is_empty", "", true)]
    [InlineData("{}", "is_empty", "", true)]
    [InlineData("\" \"", "is_empty", "", false)]
    [InlineData("0", "is_empty", "", false)]
    [InlineData("false", "is_empty", "", false)]
    [InlineData("[1]", "is_empty", "", false)]
    [InlineData("\"x\"", "is_not_empty", "", true)]
    [InlineData("[]", "is_not_empty", "", false)]
    [InlineData("\"order-123\"", "regex_match", "^order-\\d+$", true)]
    [InlineData("\"order-x\"", "regex_match", "^order-\\d+$", false)]
    [InlineData("42", "regex_match", "^\\d+$", true)]
    public void Operator_holds_as_documented(string actualJson, string op, string expected, bool holds)
    {
        var actual = JsonNode.Parse(actualJson);

        ConditionEvaluator.Holds(Operator(op), actual, expected, "the condition").Should().Be(holds);
    }

    [Fact]
    public void Every_spec_operator_is_known_by_its_spec_name()
    {
        string[] spec = ["equals", "not_equals", "greater_than", "less_than", "gte", "lte", "contains", "not_contains",
            "starts_with", "ends_with", "is_empty", "is_not_empty", "regex_match"];

        spec.Select(Operator).Should().OnlyHaveUniqueItems().And.HaveCount(Enum.GetValues<ConditionOperator>().Length);
    }

    [Fact]
    public void An_invalid_pattern_is_a_clear_error_naming_it()
    {
        var act = () => ConditionEvaluator.Holds(ConditionOperator.RegexMatch, JsonValue.Create("x"), "([a-z", "condition 'code' of 'Route'");

        act.Should().Throw<NodeFailedException>()
            .Where(e => e.Message.Contains("'([a-z'") && e.Message.Contains("condition 'code' of 'Route'") && e.Message.Contains("not valid") && !e.Retryable);
    }

    [Fact]
    public void A_runaway_pattern_is_stopped_by_the_timeout()
    {
        var stopwatch = Stopwatch.StartNew();
        var act = () => ConditionEvaluator.Holds(ConditionOperator.RegexMatch, JsonValue.Create(new string('a', 40) + "!"), "^(a+)+$", "condition 'slow'");

        act.Should().Throw<NodeFailedException>().Where(e => e.Message.Contains("100 ms") && e.Message.Contains("condition 'slow'"));
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Theory]
    // Left to right, no precedence: T OR F AND F is (T OR F) AND F.
    [InlineData(true, new[] { true, false, false }, new[] { "", "OR", "AND" }, false)]
    [InlineData(true, new[] { true, false }, new[] { "", "" }, false)]
    [InlineData(false, new[] { true, false }, new[] { "", "" }, true)]
    // A gate overrides the mode's joining.
    [InlineData(true, new[] { false, true }, new[] { "", "OR" }, true)]
    [InlineData(false, new[] { true, false }, new[] { "", "AND" }, false)]
    // The first condition's gate joins it to nothing.
    [InlineData(true, new[] { false }, new[] { "OR" }, false)]
    public void Gates_join_results_left_to_right(bool requireAll, bool[] results, string[] gates, bool expected)
    {
        var conditions = gates.Select(gate => new Condition { LogicGate = gate switch { "AND" => LogicGate.And, "OR" => LogicGate.Or, _ => null } }).ToList();

        ConditionEvaluator.Combine(conditions, results, requireAll).Should().Be(expected);
    }

    [Fact]
    public void Gates_read_as_the_spec_writes_them()
    {
        var condition = JsonSerializer.Deserialize<Condition>("""{ "logicGate": "OR" }""", EngineJson.Options)!;

        condition.LogicGate.Should().Be(LogicGate.Or);
        JsonSerializer.Serialize(LogicGate.And, EngineJson.Options).Should().Be("\"AND\"");
    }

    private static ConditionOperator Operator(string name) => JsonSerializer.Deserialize<ConditionOperator>($"\"{name}\"", EngineJson.Options);
}
