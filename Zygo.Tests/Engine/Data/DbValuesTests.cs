using System.Data;
using System.Text.Json.Nodes;
using Zygo.Engine.Nodes.Data;

namespace Zygo.Tests.Engine.Data;

/// <summary>
/// Values SQLite never returns (dates, GUIDs, decimals, arrays) but SQL Server and PostgreSQL do, read through a real
/// ADO.NET reader over an in-memory table.
/// </summary>
public sealed class DbValuesTests
{
    [Fact]
    public void Server_types_become_plain_json()
    {
        var table = new DataTable();
        (string Name, Type Type, object Value)[] columns =
        [
            ("at", typeof(DateTime), new DateTime(2024, 5, 1, 10, 0, 0)),
            ("atOffset", typeof(DateTimeOffset), new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2))),
            ("day", typeof(DateOnly), new DateOnly(2024, 5, 1)),
            ("duration", typeof(TimeSpan), TimeSpan.FromMinutes(90)),
            ("id", typeof(Guid), Guid.Parse("1b4e28ba-2fa1-11d2-883f-0016d3cca427")),
            ("price", typeof(decimal), 19.99m),
            ("ratio", typeof(double), double.NaN),
            ("small", typeof(short), (short)7),
            ("flag", typeof(bool), true),
            ("tags", typeof(int[]), new[] { 1, 2 }),
            ("blob", typeof(byte[]), new byte[] { 1, 2, 3 }),
            ("nothing", typeof(string), DBNull.Value),
        ];
        foreach (var (name, type, _) in columns)
        {
            table.Columns.Add(name, type);
        }

        table.Rows.Add(columns.Select(c => c.Value).ToArray());
        using var reader = table.CreateDataReader();
        reader.Read();

        var row = DbValues.Row(reader, DbValues.ColumnNames(reader));

        var expected = JsonNode.Parse("""
            {"at":"2024-05-01T10:00:00.0000000","atOffset":"2024-05-01T12:00:00.0000000+02:00","day":"2024-05-01",
             "duration":"01:30:00","id":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","price":19.99,"ratio":"NaN","small":7,
             "flag":true,"tags":[1,2],"blob":"AQID","nothing":null}
            """);
        JsonNode.DeepEquals(row, expected).Should().BeTrue(row.ToJsonString());
    }
}
