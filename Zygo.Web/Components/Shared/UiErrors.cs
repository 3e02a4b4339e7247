using MudBlazor;
using Zygo.Web.Common;
using Zygo.Web.Collections;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Components.Shared;

/// <summary>Runs a page action and shows what went wrong in a snackbar instead of breaking the circuit.</summary>
public static class UiErrors
{
    public static async Task<bool> TryAsync(this ISnackbar snackbar, Func<Task> action, string? success = null)
    {
        try
        {
            await action();
            if (success is not null)
            {
                snackbar.Add(success, Severity.Success);
            }

            return true;
        }
        catch (Exception ex) when (ex is InputValidationException or ConflictException or PermissionDeniedException or DocumentTooLargeException)
        {
            snackbar.Add(ex.Message, Severity.Error);
            return false;
        }
    }
}
