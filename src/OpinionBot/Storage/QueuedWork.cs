using System.Runtime.ExceptionServices;

namespace OpinionBot.Storage;

/// <summary>
/// A caller's work as a group-commit writer holds it (<see cref="StoreTransaction"/>, <see cref="PostgreSql.PostgresStoreTransaction"/>):
/// run on the writer, perhaps more than once, then the caller gets the last run's result or the failure.
/// </summary>
public abstract class QueuedWork
{
    /// <summary>Runs the work and keeps its result; throws what it throws.</summary>
    public abstract void Run();

    /// <summary>The work is committed: the caller gets the result.</summary>
    public abstract void Succeed();

    public abstract void Fail(ExceptionDispatchInfo failure);
}

public sealed class QueuedWork<T>(Func<T> work) : QueuedWork
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    /// <summary>The caller's side: completes once <see cref="Succeed"/> or <see cref="Fail"/> is called.</summary>
    public Task<T> Completion => _completion.Task;

    public override void Run() => _result = work();

    public override void Succeed() => _completion.TrySetResult(_result);

    public override void Fail(ExceptionDispatchInfo failure) => _completion.TrySetException(failure.SourceException);
}
