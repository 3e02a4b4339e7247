using System.Text.Json.Serialization;
using Zygo.Data.Entities;

namespace Zygo.Web.Api;

/// <summary>Body of POST and PUT /api/v1/variables. On PUT an empty value keeps the stored one.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record VariableRequest(string Name, string? Value, string? Service, VariableScope? Scope, string? Description);
