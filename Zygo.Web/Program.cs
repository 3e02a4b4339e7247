using Zygo.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddZygo();

var app = builder.Build();
await DatabaseInitializer.InitializeAsync(app.Services);
app.UseZygo();
app.Run();

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
