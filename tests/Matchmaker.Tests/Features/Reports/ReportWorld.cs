using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Features.Reports;

/// <summary>
/// The small fixed programme every report test counts by hand:
/// <code>
/// SME         region  sectors  export  need  USD      jobs  own sectors  match (partner)       status now
/// Ala-Too     KG-C    C28      yes     N1    500 000  40    –            M1 (Qingdao, C28/C29)  agreement (skipped meeting, negotiation)
///                                      N2    300 000  10    C29          M2 (Qingdao)           meeting
/// Chui Steel  KG-Y    C28      no      N3    200 000  25    –            M3 (Qingdao)           declined after the SME's interest; N3 closed
/// Issyk Farm  KG-Y    A01      yes     N4    150 000   5    –            M4 (Weifang, A01)      mutual
/// </code>
/// Qingdao Machinery (qingdao, C28/C29) matches only the C needs, Weifang Seeds (weifang, A01) only N4:
/// sector is a required criterion. <see cref="Middle"/> lies after N2 was posted and before Chui Steel registered.
/// Every profile is verified, as in a vetted programme.
/// </summary>
internal sealed record ReportWorld(
    Guid Sme1, Guid Sme2, Guid Sme3,
    Guid N1, Guid N2, Guid N3, Guid N4,
    Guid Qingdao, Guid Weifang,
    Guid M1, Guid M2, Guid M3, Guid M4,
    DateTime Before, DateTime Middle, DateTime After,
    Actor Agency, Actor Admin, Actor SmeUser, Actor PartnerUser)
{
    public static async Task<ReportWorld> CreateAsync(ApiFixture api)
    {
        var before = DateTime.UtcNow;
        await Task.Delay(20);
        var (alaToo, sme1) = await Create.SmeAccountAsync(api, Sme("Ala-Too Machine Works", "KG-C", "C28", exportOriented: true));
        var n1 = await Create.NeedAsync(alaToo, sme1, Need("CNC line", 500_000m, 40));
        var n2Body = Need("Truck assembly", 300_000m, 10);
        n2Body["sectors"] = Bodies.Array("C29");
        var n2 = await Create.NeedAsync(alaToo, sme1, n2Body);
        await Task.Delay(20);
        var middle = DateTime.UtcNow;
        await Task.Delay(20);

        var (chui, sme2) = await Create.SmeAccountAsync(api, Sme("Chui Steel", "KG-Y", "C28", exportOriented: false));
        var n3 = await Create.NeedAsync(chui, sme2, Need("Rolling mill", 200_000m, 25));
        var (issyk, sme3) = await Create.SmeAccountAsync(api, Sme("Issyk Farm", "KG-Y", "A01", exportOriented: true));
        var n4 = await Create.NeedAsync(issyk, sme3, Need("Greenhouse equipment", 150_000m, 5));

        var (qingdaoUser, qingdao) = await Create.PartnerAccountAsync(api);
        var (weifangUser, weifang) = await Create.PartnerAccountAsync(api, Bodies.WeifangSeeds());

        var m1 = await Matches.IdAsync(alaToo.Client, n1, qingdao);
        var m2 = await Matches.IdAsync(alaToo.Client, n2, qingdao);
        var m3 = await Matches.IdAsync(chui.Client, n3, qingdao);
        var m4 = await Matches.IdAsync(issyk.Client, n4, weifang);

        await Matches.ActAsync(alaToo.Client, m1, "interest");
        await Matches.ActAsync(qingdaoUser.Client, m1, "interest");
        await Matches.ActAsync(alaToo.Client, m1, "stage", new JsonObject { ["stage"] = "agreement" });
        await Matches.ActAsync(qingdaoUser.Client, m2, "interest");
        await Matches.ActAsync(alaToo.Client, m2, "interest");
        await Matches.ActAsync(qingdaoUser.Client, m2, "stage", new JsonObject { ["stage"] = "meeting" });
        await Matches.ActAsync(chui.Client, m3, "interest");
        await Matches.ActAsync(chui.Client, m3, "decline", new JsonObject { ["reason"] = "Found a local supplier" });
        await Expect.StatusAsync(await chui.Client.PostAsync($"/api/v1/needs/{n3}/close", new JsonObject(), idempotencyKey: null), 200);
        await Matches.ActAsync(issyk.Client, m4, "interest");
        await Matches.ActAsync(weifangUser.Client, m4, "interest");

        foreach (var sme in new[] { sme1, sme2, sme3 })
            await ProfileStates.SetAsync(api, "smes", sme, "verified");
        foreach (var partner in new[] { qingdao, weifang })
            await ProfileStates.SetAsync(api, "partners", partner, "verified");
        await Task.Delay(20);
        var after = DateTime.UtcNow;
        return new ReportWorld(sme1, sme2, sme3, n1, n2, n3, n4, qingdao, weifang, m1, m2, m3, m4, before, middle, after,
            await api.UserAsync("agency"), await api.AdminAsync(), await api.UserAsync("sme"), await api.UserAsync("partner"));
    }

    private static JsonObject Sme(string name, string region, string sector, bool exportOriented)
    {
        var body = Bodies.Sme(name, region, [sector]);
        body["exportOriented"] = exportOriented;
        return body;
    }

    private static JsonObject Need(string title, decimal usd, int jobs)
    {
        var body = Bodies.Need(title, usd);
        body["jobsToCreate"] = jobs;
        return body;
    }
}
