namespace Zygo.Engine.Nodes;

/// <summary>All node types this build knows, by registry id.</summary>
public sealed class NodeTypeRegistry
{
    private readonly Dictionary<string, INodeType> _types;

    public NodeTypeRegistry(IEnumerable<INodeType> types)
    {
        _types = new Dictionary<string, INodeType>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (!_types.TryAdd(type.Id, type))
            {
                throw new InvalidOperationException($"Two node types claim the id '{type.Id}'.");
            }
        }
    }

    public IReadOnlyCollection<INodeType> All => _types.Values;

    public INodeType? Find(string id) => _types.GetValueOrDefault(id);
}
