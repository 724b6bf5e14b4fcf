using System.Threading.Channels;

namespace OpinionBot.Records.Register;

/// <summary>Runs a sequence on a thread of its own, up to a few items ahead of whoever consumes it.</summary>
public static class Prefetch
{
    /// <summary>
    /// The items of <paramref name="source"/>, produced on a background task at most <paramref name="ahead"/> items ahead.
    /// The producer's failure is thrown to the consumer; a consumer that stops early stops the producer.
    /// </summary>
    public static IEnumerable<T> Ahead<T>(IEnumerable<T> source, int ahead)
    {
        var items = Channel.CreateBounded<T>(new BoundedChannelOptions(ahead) { SingleReader = true, SingleWriter = true });
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var item in source)
                    items.Writer.WriteAsync(item, stop.Token).AsTask().GetAwaiter().GetResult();
                items.Writer.Complete();
            }
            catch (Exception e)
            {
                items.Writer.Complete(e);
            }
        });

        try
        {
            foreach (var item in items.Reader.ReadAllAsync(stop.Token).ToBlockingEnumerable(stop.Token))
                yield return item;
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // The consumer stopped early and the producer with it.
            }
        }
    }
}
