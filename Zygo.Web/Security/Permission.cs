namespace Zygo.Web.Security;

/// <summary>What a member may do in a tenant: the seed's workflow and AI component permissions plus administration.</summary>
public enum Permission
{
    ViewWorkflows,
    CreateWorkflows,
    EditWorkflows,
    DeleteWorkflows,
    ExecuteWorkflows,
    ScheduleWorkflows,
    ViewLogs,
    DebugWorkflows,

    ViewAIComponents,
    CreateAIComponents,
    EditAIComponents,
    DeleteAIComponents,
    DeployAIComponents,
    TrainModels,
    AccessAIApi,
    ViewAIMetrics,

    ViewVariables,
    ManageVariables,
    ManageMembers,
    ViewAuditLog,
    UseApiKeys,
}
