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

    private sealed class Worker(Action first)
    {
        private readonly SemaphoreSlim _signal = new(0);
        private readonly Lock _gate = new();
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
            }

            _signal.Release();
            return true;
        }

        private void Loop()
        {
            while (true)
            {
                Action work;
                lock (_gate)
                {
                    work = _work!;
                    _work = null;
                }

                work();
                Idle.Add(this);
                if (_signal.Wait(IdleLifetime))
                {
                    continue;
                }

                lock (_gate)
                {
                    if (_work is null)
                    {
                        _retired = true;
                        return;
                    }
                }

                // Work was assigned right at the timeout: its signal is on the way.
                _signal.Wait();
            }
        }
    }
}
