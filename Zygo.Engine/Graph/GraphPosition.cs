namespace Zygo.Engine.Graph;

public sealed record GraphPosition(double X, double Y);
