using System.Text.RegularExpressions;

namespace Zygo.Engine.Planning;

/// <summary>
/// The reply in which an interactive Planner asks the person to confirm a plan it is not sure enough of, and whether
/// the person's reply says yes (anything else is taken as corrections to plan with).
/// </summary>
public static partial class PlanConfirmation
{
    public const string Opening = "Please confirm this plan before I start.";

    public static string Ask(Plan plan, int minConfidence) =>
        $"{Opening} My confidence in it is {plan.Confidence} of 100, below the {minConfidence} this workflow asks for.\n" +
        plan.Outline() +
        "Reply \"yes\" to go ahead, or tell me what to change.";

    public static bool Affirms(string reply) => Yes().IsMatch(reply);

    [GeneratedRegex(@"^\s*(yes|yep|yeah|y|ok|okay|sure|confirm(ed)?|go ahead|go|proceed|do it|approved?|looks good|sounds good)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Yes();
}
