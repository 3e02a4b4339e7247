using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Zygo.Web.Tenancy;

/// <summary>Fills the circuit's <see cref="TenantSession"/> from the user who opened it.</summary>
public sealed class TenantCircuitHandler(AuthenticationStateProvider authentication, TenantSession session) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        session.Initialize(state.User);
    }
}
