using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine;
using Zygo.Engine.Execution;
using Zygo.Engine.Generation;
using Zygo.Engine.Generation.Optimization;
using Zygo.Engine.Graph;
using Zygo.Engine.Llm;
using Zygo.Engine.Nodes;
using Zygo.Web.Common;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;
using Zygo.Web.Workflows;

namespace Zygo.Web.Api;

/// <summary>
/// AI generation: a workflow from a prompt, a node config from a description, and optimisation suggestions for a
/// saved workflow. Offline (no model key) the generators work from keywords and say so in <c>generation.offline</c>.
/// </summary>
public static class GenerationEndpoints
{
    public const int MaxPromptLength = 2000;

    public static void MapGenerationEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/workflows/generate", async (GenerateWorkflowRequest? body, WorkflowGenerator generator, WorkflowService workflows,
                ICurrentUser user, CancellationToken ct) =>
            {
                var prompt = RequireText(body?.Prompt, "prompt", "Describe the workflow you want, e.g. \"Every morning, fetch … and email me a summary\".");
                var result = await generator.GenerateAsync(user.TenantId!.Value, prompt, body!.ToChoice(), ct);
                var answer = result.Workflow.ToJson();
                answer["generation"] = Describe(result.Model, result.Repairs, result.Log);
                if (!body!.Save)
                {
                    return Results.Ok(answer);
                }

                var created = await workflows.CreateAsync(new WorkflowDraft(Truncate(result.Workflow.Name, WorkflowService.MaxNameLength),
                    Truncate(result.Workflow.Description, WorkflowService.MaxDescriptionLength), null,
                    result.Workflow.NodesJson.ToJsonString(EngineJson.Options), result.Workflow.EdgesJson.ToJsonString(EngineJson.Options)), ct);
                answer["workflowId"] = created.Id.ToString();
                return Results.Created($"/api/v1/workflows/{created.Id}", answer);
            })
            .RequireAuthorization(Policies.EditWorkflows).WithTags("Generation").WithName("GenerateWorkflow").AddEndpointFilter(Failures);

        api.MapPost("/nodes/generate", async (GenerateNodeConfigRequest? body, NodeConfigGenerator generator, NodeTypeRegistry registry,
                ICurrentUser user, CancellationToken ct) =>
            {
                var typeId = RequireText(body?.Type, "type", "Name the node type, e.g. \"http_api\".");
                var description = RequireText(body!.Description, "description", "Describe what the node should do.");
                if (registry.Find(typeId) is not { } type)
                {
                    return Problems.NotFound("node type", "type");
                }

                var result = await generator.GenerateAsync(user.TenantId!.Value, type, description, body.ToChoice(), ct);
                return Results.Ok(new JsonObject
                {
                    ["type"] = type.Id,
                    ["config"] = result.Config,
                    ["generation"] = Describe(result.Model, result.Repairs, []),
                });
            })
            .RequireAuthorization(Policies.EditWorkflows).WithTags("Generation").WithName("GenerateNodeConfig").AddEndpointFilter(Failures);

        api.MapPost("/workflows/{id:guid}/optimize", async (Guid id, OptimizeWorkflowRequest? body, WorkflowOptimizer optimizer,
                WorkflowService workflows, ICurrentUser user, CancellationToken ct) =>
            {
                var focus = body?.Focus?.Trim().ToLowerInvariant() is { Length: > 0 } f ? f : null;
                if (focus is not null && !Suggestion.Categories.Contains(focus))
                {
                    throw new InputValidationException("focus", $"'{body!.Focus}' is not a focus. Use performance, cost, reliability or security.");
                }

                if (await workflows.GetAsync(id, ct) is not { } workflow)
                {
                    return Problems.NotFound("workflow");
                }

                var graph = WorkflowGraph.Parse(workflow.Nodes.GetRawText(), workflow.Edges.GetRawText());
                var result = await optimizer.OptimizeAsync(user.TenantId!.Value, graph, focus, (body ?? new OptimizeWorkflowRequest()).ToChoice(), ct);
                return Results.Ok(new JsonObject
                {
                    ["workflowId"] = id.ToString(),
                    ["focus"] = focus,
                    ["suggestions"] = JsonSerializer.SerializeToNode(result.Suggestions, EngineJson.Options),
                    ["generation"] = Describe(result.Model, 0, []),
                });
            })
            .RequireAuthorization(Policies.ViewWorkflows).WithTags("Generation").WithName("OptimizeWorkflow").AddEndpointFilter(Failures);
    }

    private static string RequireText(string? text, string field, string hint)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InputValidationException(field, $"'{field}' is empty. {hint}");
        }

        return text.Length <= MaxPromptLength
            ? text.Trim()
            : throw new InputValidationException(field, $"'{field}' is longer than {MaxPromptLength} characters; shorten it.");
    }

    /// <summary>
    /// A model that cannot be opened is the request's fault (400); a model that fails is a bad gateway (502); an answer
    /// still invalid after the repairs is unprocessable (422), with its last problems.
    /// </summary>
    private static async ValueTask<object?> Failures(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (NodeFailedException ex)
        {
            throw new InputValidationException("provider", ex.Message);
        }
        catch (GenerationFailedException ex) when (ex.ModelFailed)
        {
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The model failed.", detail: ex.Message);
        }
        catch (GenerationFailedException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The model gave no valid answer.",
                detail: ex.Message, extensions: new Dictionary<string, object?> { ["problems"] = ex.Problems });
        }
    }

    private static JsonObject Describe(ChatModel model, int repairs, IReadOnlyList<string> notes) => new()
    {
        ["offline"] = model.IsOffline,
        ["provider"] = JsonSerializer.SerializeToNode(model.Provider, EngineJson.Options),
        ["model"] = model.Model,
        ["repairs"] = repairs,
        ["notes"] = new JsonArray(notes.Select(n => (JsonNode?)n).ToArray()),
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
