using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Matchmaker.Api.Infrastructure.Http;

/// <summary>
/// Data Protection's key ring in the database (<c>data_protection_keys</c>): the one store every instance
/// shares and that outlives restarts, on SQLite and SQL Server alike, so a cursor sealed by one instance
/// opens on any other, today or next year.
/// </summary>
internal sealed class DataProtectionKeys(ConnectionFactory db) : IXmlRepository
{
    public const string ApplicationName = "matchmaker";

    private const string SelectKeysSql = "SELECT key_xml FROM data_protection_keys ORDER BY id";

    private const string InsertKeySql = "INSERT INTO data_protection_keys (friendly_name, key_xml) VALUES (@FriendlyName, @Xml)";

    // IXmlRepository is synchronous; the key ring calls it at start-up and when it refreshes (about daily).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = db.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        return connection.Query<string>(SelectKeysSql).Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = db.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        connection.Execute(InsertKeySql, new { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}

internal static class DataProtectionSetup
{
    /// <summary>One application name for every instance (the default is the content root, which differs between hosts), keys in the database.</summary>
    public static IServiceCollection AddMatchmakerDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(DataProtectionKeys.ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DataProtectionKeys(provider.GetRequiredService<ConnectionFactory>())));
        services.AddSingleton<SealedCursors>();
        return services;
    }
}
