using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Zygo.Data.Entities;

namespace Zygo.Data.Conventions;

/// <summary>Gives ASP.NET Core Identity's tables the same plain names as the rest of the schema.</summary>
public static class IdentityTableNames
{
    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<ZygoUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
    }
}
