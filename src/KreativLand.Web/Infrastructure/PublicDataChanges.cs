using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// Evicts the public read cache when public data changes. One mechanism that no handler has to remember: an EF Core
/// interceptor sees every statement the application sends (SaveChanges of the editor, bulk actions, importer, revision
/// approval and submissions alike, ExecuteUpdate/ExecuteDelete and raw SQL through the context) and, once a statement
/// that writes a table public pages read has been committed, evicts the tag <see cref="PublicReadCache.Tag"/>.
/// </summary>
public sealed partial class PublicDataChanges(IOutputCacheStore store, ILogger<PublicDataChanges> logger)
{
    private long generation;

    /// <summary>Part of every cache key: bumped before each eviction, so a page rendered from the old data is never served after it.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Tables whose rows public pages show (listings, partners and their links, regions, knowledge pages, subsectors).</summary>
    [GeneratedRegex(@"\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+(?:ONLY\s+)?(?:""?public""?\.)?""?(?:cooperations|partners|cooperation_partners|regions|knowledge_pages|subsectors)""?(?:\s|\(|;|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WritesPublicTable();

    public static bool ChangesPublicData(string commandText) => WritesPublicTable().IsMatch(commandText);

    /// <summary>Public data changed and is committed: evict (a failing shared cache must not fail the save that already happened).</summary>
    public async ValueTask ChangedAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref generation);
        try
        {
            await store.EvictByTagAsync(PublicReadCache.Tag, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The public read cache could not be evicted; entries expire by themselves");
        }
    }

    /// <summary>Statements are seen as they run; inside a transaction the eviction waits for its commit.</summary>
    public sealed class Interceptor(PublicDataChanges changes) : IDbCommandInterceptor, IDbTransactionInterceptor
    {
        private sealed class Pending { public bool Changed; }

        // Per transaction: the context may be gone, and the transaction's connection cleared, by the time it commits.
        private readonly ConditionalWeakTable<DbTransaction, Pending> pending = new();

        private ValueTask AfterAsync(DbCommand command, CancellationToken cancellationToken)
        {
            if (!ChangesPublicData(command.CommandText)) return ValueTask.CompletedTask;
            if (command.Transaction is null) return changes.ChangedAsync(cancellationToken);
            pending.GetOrCreateValue(command.Transaction).Changed = true;
            return ValueTask.CompletedTask;
        }

        private void After(DbCommand command) => AfterAsync(command, CancellationToken.None).AsTask().GetAwaiter().GetResult();

        private bool TakePending(DbTransaction transaction)
        {
            if (!pending.TryGetValue(transaction, out var state) || !state.Changed) return false;
            state.Changed = false;
            return true;
        }

        public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            After(command);
            return result;
        }

        public async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            await AfterAsync(command, cancellationToken);
            return result;
        }

        public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            After(command);
            return result;
        }

        public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            await AfterAsync(command, cancellationToken);
            return result;
        }

        public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        {
            After(command);
            return result;
        }

        public async ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
            CancellationToken cancellationToken = default)
        {
            await AfterAsync(command, cancellationToken);
            return result;
        }

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        {
            if (TakePending(transaction)) changes.ChangedAsync().AsTask().GetAwaiter().GetResult();
        }

        public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (TakePending(transaction)) await changes.ChangedAsync(cancellationToken);
        }

        public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => TakePending(transaction);

        public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            TakePending(transaction);
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// The output cache store with its failures turned into misses: a Redis outage makes public reads slower, never failing.
/// </summary>
public sealed class ResilientOutputCacheStore(IOutputCacheStore inner, ILogger<ResilientOutputCacheStore> logger) : IOutputCacheStore
{
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try { return await inner.GetAsync(key, cancellationToken); }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Output cache read failed; answering without the cache");
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try { await inner.SetAsync(key, value, tags, validFor, cancellationToken); }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Output cache write failed");
        }
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);
}
