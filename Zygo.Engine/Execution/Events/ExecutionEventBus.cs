using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Zygo.Engine.Execution.Events;

/// <summary>
/// The in-process stream of run events. Publishing never waits for a subscriber: each subscription has a bounded
/// buffer that drops its oldest events when a slow reader falls behind, so a stalled browser cannot slow a run.
/// </summary>
public sealed class ExecutionEventBus
{
    private const int BufferSize = 1024;
    private readonly ConcurrentDictionary<Guid, Subscription> _subscriptions = new();

    public void Publish(ExecutionEvent e)
    {
        foreach (var subscription in _subscriptions.Values)
        {
            if (subscription.Filter(e))
            {
                subscription.Channel.Writer.TryWrite(e);
            }
        }
    }

    /// <summary>Events matching <paramref name="filter"/> until the subscription is disposed.</summary>
    public Subscription Subscribe(Func<ExecutionEvent, bool> filter)
    {
        var subscription = new Subscription(this, filter);
        _subscriptions[subscription.Id] = subscription;
        return subscription;
    }

    public sealed class Subscription : IDisposable
    {
        private readonly ExecutionEventBus _bus;

        internal Subscription(ExecutionEventBus bus, Func<ExecutionEvent, bool> filter)
        {
            _bus = bus;
            Filter = filter;
            Channel = System.Threading.Channels.Channel.CreateBounded<ExecutionEvent>(
                new BoundedChannelOptions(BufferSize) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        }

        public Guid Id { get; } = Guid.NewGuid();
        internal Func<ExecutionEvent, bool> Filter { get; }
        internal Channel<ExecutionEvent> Channel { get; }

        public ChannelReader<ExecutionEvent> Reader => Channel.Reader;

        public void Dispose()
        {
            _bus._subscriptions.TryRemove(Id, out _);
            Channel.Writer.TryComplete();
        }
    }
}
