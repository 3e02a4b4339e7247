using System.Collections.Concurrent;

namespace Zygo.Engine.Nodes.Code;

/// <summary>
/// Threads of their own for synchronous script engines, kept for reuse. A busy script must not hold a pool thread
/// the rest of the server needs, but starting a new thread for every run cost more than the small scripts most
/// workflows run; so a thread that finished a script waits a while for the next one before it ends.
/// </summary>
internal static class ScriptThreads
{
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentBag<Worker> Idle = [];

    public static Task<T> RunAsync<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Execute()
        {
            try
            {
                completion.SetResult(work());
            }
            catch (OperationCanceledException ex)
            {
                completion.SetCanceled(ex.CancellationToken);
            }
            catch (Exception ex)
            {
                completion.SetException(ex);
            }
        }

        while (Idle.TryTake(out var worker))
        {
            if (worker.TryAssign(Execute))
            {
                return completion.Task;
            }
        }

        new Worker(Execute).Start();
        return completion.Task;
    }

    /// <summary>
    /// Waits on a monitor rather than a SemaphoreSlim: the latter spins before it blocks, and a few idle script threads
    /// spinning after every script took a large share of two busy cores.
    /// </summary>
    private sealed class Worker(Action first)
    {
        private readonly object _gate = new();
        private Action? _work = first;
        private bool _retired;

        public void Start() => new Thread(Loop) { IsBackground = true, Name = "zygo-script" }.Start();

        /// <summary>False when the worker has just ended for idleness; the caller tries another.</summary>
        public bool TryAssign(Action work)
        {
            lock (_gate)
            {
                if (_retired)
                {
                    return false;
                }

                _work = work;
                Monitor.Pulse(_gate);
            }

            return true;
        }

        private void Loop()
        {
            while (TakeWork() is { } work)
            {
                work();
                Idle.Add(this);
            }
        }

        /// <summary>The next script, or null (and retired) after waiting <see cref="IdleLifetime"/> for one in vain.</summary>
        private Action? TakeWork()
        {
            lock (_gate)
            {
                while (_work is null)
                {
                    if (!Monitor.Wait(_gate, IdleLifetime) && _work is null)
                    {
                        _retired = true;
                        return null;
                    }
                }

                var work = _work;
                _work = null;
                return work;
            }
        }
    }
}
