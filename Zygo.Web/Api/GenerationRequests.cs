using System.Text.Json.Serialization;
using Zygo.Engine.Generation;

namespace Zygo.Web.Api;

/// <summary>The model a generation request may choose; none (or no key) means the offline generator.</summary>
public interface IModelChoiceRequest
{
    string? Provider { get; }
    string? Model { get; }
    string? Endpoint { get; }
    string? ApiKeyVariableId { get; }
}

/// <summary>Body of POST /api/v1/workflows/generate. With <c>save</c> the workflow is also created.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record GenerateWorkflowRequest(string? Prompt, string? Provider = null, string? Model = null, string? Endpoint = null,
    string? ApiKeyVariableId = null, bool Save = false) : IModelChoiceRequest;

/// <summary>Body of POST /api/v1/nodes/generate.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record GenerateNodeConfigRequest(string? Type, string? Description, string? Provider = null, string? Model = null,
    string? Endpoint = null, string? ApiKeyVariableId = null) : IModelChoiceRequest;

/// <summary>Body of POST /api/v1/workflows/{id}/optimize (optional): a focus and, for model suggestions, a model.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record OptimizeWorkflowRequest(string? Focus = null, string? Provider = null, string? Model = null, string? Endpoint = null,
    string? ApiKeyVariableId = null) : IModelChoiceRequest;

internal static class ModelChoiceRequests
{
    public static ModelChoice ToChoice(this IModelChoiceRequest request) =>
        new(request.Provider, request.Model, request.Endpoint, request.ApiKeyVariableId);
}
