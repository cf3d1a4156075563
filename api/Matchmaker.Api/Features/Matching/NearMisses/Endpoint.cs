using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Matching.Scoring;
using Matchmaker.Api.Features.Needs;
using Matchmaker.Api.Features.Partners;
using Matchmaker.Api.Features.Verification;

namespace Matchmaker.Api.Features.Matching.NearMisses;

internal sealed class Endpoint(ConnectionFactory db, TimeProvider clock, Vetting vetting, PartnerInputCache partnerCache, EncodedPartners encoded) : Endpoint<Request, Page<NearMissResponse>>
{
    public override void Configure()
    {
        Get("/needs/{id:guid}/near-misses");
        Description(b => b.WithName("listNeedNearMisses").ProducesProblems(403));
        Summary(s =>
        {
            s.Summary = "List the partners a need narrowly misses, best first";
            s.Description = "The SME that posted the need, agency and admin (partners get 403, other SMEs 404). Scored now, under the active criteria "
                + "version, against every partner: those scoring below its `minScore` by at most 15 points (`missing` empty), and those excluded "
                + "by exactly one required criterion, whatever their score (`missing` names it; `score` is the weighted score all the same). "
                + "Best first: by `score` descending, then in the order partners were stored. Each `breakdown` row below 1 carries `advice`: "
                + "which side could change what, in your notification language, and `advicePoints`, the points that change adds.";
            s.Responses[403] = "The caller may see the need but not who it matches.";
            s.ResponseExamples[200] = NearMissExamples.Page;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var need = await NeedStore.FindAsync(connection, Route<Guid>("id"), ct);
        if (!NeedAccess.MayListMatches(User, need, vetting, "Match.NearMissesForbidden", out var refusal))
        {
            await Send.ResultAsync(refusal);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var input = (await ScoringInputs.NeedsAsync(connection, null, vetting, [need.Id], now, ct)).Single().Input;
        var profile = (await ProfileStore.FindAsync(connection, null, await ProfileStore.ActiveVersionAsync(connection, null, ct), ct))!.Profile;
        var search = new NearMissSearch(profile);
        var partners = encoded.For(await partnerCache.SnapshotAsync(connection, null, now, ct));
        var after = req.After;
        var rows = search.Find(partners.Encoder.Encode(input), partners.Partners, partners.Vectors)
            .Where(r => r.Partner.Listed)
            .Where(r => after is not { } a || r.Miss.Tenths < a.Tenths || (r.Miss.Tenths == a.Tenths && r.Partner.Id > a.PartnerId))
            .Take(req.Take + 1)
            .ToList();

        var names = (await PartnerStore.ByIdsAsync(connection, null, rows.Select(r => r.Partner.Id).ToList(), ct)).ToDictionary(p => p.Id);
        var language = await ReaderLanguage.OfAsync(connection, User, ct);
        await Send.OkAsync(Paging.Build(rows, req.Take, r => Infrastructure.Http.Cursor.Encode(r.Miss.Tenths, r.Partner.Id), r => new NearMissResponse(
            names[r.Partner.Id].PublicId,
            names[r.Partner.Id].Name,
            r.Miss.Tenths / 10m,
            r.Miss.Missing is { } missing ? [missing] : [],
            MatchExplainer.Items(search.Scorer, input, r.Partner, language))), ct);
    }
}
