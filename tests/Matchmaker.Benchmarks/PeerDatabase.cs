using System.Data;
using System.Reflection;
using Dapper;
using Matchmaker.Api.Features.Matching.Engine;
using Microsoft.Data.Sqlite;

namespace Matchmaker.Benchmarks;

/// <summary>
/// A fresh SQLite file holding a synthetic world in the plain schema of PeerSchema.sql, written
/// with Dapper the way an application would: one parameterised INSERT per table, run over a list
/// of rows inside one transaction.
/// </summary>
internal static class PeerDatabase
{
    public static SqliteConnection Create(string path, NeedInput[] needs, PartnerInput[] partners)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        connection.Execute(Embedded("PeerSchema.sql"));

        using (var transaction = connection.BeginTransaction())
        {
            Insert(connection, transaction, "INSERT INTO isic_divisions (code, section) VALUES (@Code, @Section)",
                IsicDivision.AllDivisions().Select(d => new { d.Code, Section = d.Section.ToString() }));

            Insert(connection, transaction,
                "INSERT INTO needs (id, amount_usd, jobs, region, export_oriented) VALUES (@Id, @AmountUsd, @JobsToCreate, @SmeRegion, @SmeExportOriented)",
                needs.Select(n => new { n.Id, AmountUsd = (double)n.AmountUsd, n.JobsToCreate, n.SmeRegion, n.SmeExportOriented }));
            Insert(connection, transaction, "INSERT OR IGNORE INTO need_sectors (need_id, division) VALUES (@Owner, @Code)", Children(needs, n => n.Id, n => n.Sectors));
            Insert(connection, transaction, "INSERT INTO need_types (need_id, need_type) VALUES (@Owner, @Code)", Children(needs, n => n.Id, n => n.NeedTypes));
            Insert(connection, transaction, "INSERT INTO sme_languages (need_id, language) VALUES (@Owner, @Code)", Children(needs, n => n.Id, n => n.SmeLanguages));
            Insert(connection, transaction, "INSERT INTO sme_certifications (need_id, certification) VALUES (@Owner, @Code)", Children(needs, n => n.Id, n => n.SmeCertifications));

            Insert(connection, transaction,
                "INSERT INTO partners (id, min_usd, max_usd, seeks_export) VALUES (@Id, @MinUsd, @MaxUsd, @SeeksExportOriented)",
                partners.Select(p => new { p.Id, MinUsd = (double)p.MinUsd, MaxUsd = (double)p.MaxUsd, p.SeeksExportOriented }));
            Insert(connection, transaction, "INSERT OR IGNORE INTO partner_sectors (partner_id, division) VALUES (@Owner, @Code)", Children(partners, p => p.Id, p => p.Sectors));
            Insert(connection, transaction, "INSERT INTO partner_offerings (partner_id, need_type) VALUES (@Owner, @Code)", Children(partners, p => p.Id, p => p.Offerings));
            Insert(connection, transaction, "INSERT INTO partner_regions (partner_id, region) VALUES (@Owner, @Code)", Children(partners, p => p.Id, p => p.TargetRegions));
            Insert(connection, transaction, "INSERT INTO partner_languages (partner_id, language) VALUES (@Owner, @Code)", Children(partners, p => p.Id, p => p.Languages));
            Insert(connection, transaction, "INSERT INTO partner_certifications (partner_id, certification) VALUES (@Owner, @Code)", Children(partners, p => p.Id, p => p.RequiredCertifications));
            transaction.Commit();
        }

        connection.Execute("ANALYZE", commandType: CommandType.Text);
        return connection;
    }

    /// <summary>
    /// Whether this SQLite build has log10 (its math functions are a compile-time option); where it
    /// lacks them, the connection gets a scalar function of the same name computed by .NET.
    /// </summary>
    public static string EnsureLog10(SqliteConnection connection)
    {
        if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM pragma_function_list WHERE name = 'log10'") > 0)
            return $"SQLite {connection.ServerVersion}'s built-in log10";
        connection.CreateFunction("log10", (double x) => Math.Log10(x), isDeterministic: true);
        return $"log10 registered through SqliteConnection.CreateFunction (SQLite {connection.ServerVersion} has no math functions)";
    }

    public static string Embedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"No embedded resource '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, string sql, IEnumerable<object> rows) =>
        connection.Execute(sql, rows, transaction);

    private static IEnumerable<object> Children<T>(IEnumerable<T> owners, Func<T, long> id, Func<T, IEnumerable<string>> codes) =>
        owners.SelectMany(owner => codes(owner).Select(code => new { Owner = id(owner), Code = code }));
}
