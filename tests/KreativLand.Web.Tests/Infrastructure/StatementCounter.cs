using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>The SQL statements EF Core sends to one database while an action runs (other test classes use other databases).</summary>
public static class StatementCounter
{
    public static async Task<List<string>> StatementsAsync(string database, Func<Task> action)
    {
        var commands = new List<string>();
        using var listener = new Listener(database, commands);
        using var subscription = DiagnosticListener.AllListeners.Subscribe(listener);
        await action();
        lock (commands) return commands.ToList();
    }

    public static async Task<int> CountAsync(string database, Func<Task> action) => (await StatementsAsync(database, action)).Count;

    private sealed class Listener(string database, List<string> commands) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> subscriptions = [];
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name) subscriptions.Add(value.Subscribe(this));
        }
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
                && data.Command.Connection?.Database == database)
                lock (commands) commands.Add(data.Command.CommandText);
        }
        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void Dispose() { foreach (var s in subscriptions) s.Dispose(); }
    }
}
