using System.Net;
using System.Net.Sockets;

namespace Zygo.Tests.Engine;

/// <summary>A port on 127.0.0.1 that nothing listens on, so connecting to it is refused at once.</summary>
public static class ClosedPort
{
    public static int Next()
    {
        // Bind to an ephemeral port and release it: the system just handed it out, so it is free.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
