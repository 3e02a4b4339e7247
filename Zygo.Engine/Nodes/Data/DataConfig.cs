namespace Zygo.Engine.Nodes.Data;

/// <summary>Config of the Data Source node: one parameterised SQL statement against a database the user names.</summary>
public sealed class DataConfig
{
    public DataProvider Provider { get; init; } = DataProvider.Sqlite;

    /// <summary>ADO.NET connection string, normally a variable such as <c>{{DB_CONNECTION}}</c> (it may hold a password).</summary>
    public string ConnectionString { get; init; } = "{{DB_CONNECTION}}";

    /// <summary><c>query</c> returns rows, <c>execute</c> the number of affected rows, <c>scalar</c> the first column of the first row.</summary>
    public DataOperation Operation { get; init; } = DataOperation.Query;

    /// <summary>The statement, with named parameters such as <c>@email</c>. Values go in <c>parameters</c>, never into this text.</summary>
    public string Sql { get; init; } = "";

    /// <summary>Values bound to the statement's named parameters.</summary>
    public List<QueryParameter> Parameters { get; init; } = [];

    /// <summary>Seconds the statement may run before it is stopped.</summary>
    public int Timeout { get; init; } = 30;

    /// <summary>Most rows a query returns; more are cut off and the output says <c>truncated: true</c>.</summary>
    public int MaxRows { get; init; } = 1000;
}

public enum DataProvider
{
    Sqlite,
    SqlServer,
    Postgresql,
}

public enum DataOperation
{
    Query,
    Execute,
    Scalar,
}
