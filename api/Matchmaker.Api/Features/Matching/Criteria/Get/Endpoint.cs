using Matchmaker.Api.Features.Matching.Scoring;

namespace Matchmaker.Api.Features.Matching.Criteria.Get;

internal sealed class Endpoint(ConnectionFactory db) : EndpointWithoutRequest<CriteriaResponse>
{
    public override void Configure()
    {
        Get("/criteria");
        Description(b => b.WithName("getCriteria"));
        Summary(s =>
        {
            s.Summary = "Read the scoring criteria";
            s.Description = "Any signed-in user. The latest version of the scoring profile with its ETag; `status` is `pending` while the re-score job that activates it runs, and `activeVersion` is the version stored matches carry until then.";
            s.ResponseExamples[200] = CriteriaExamples.Active;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var latest = await ProfileStore.LatestVersionAsync(connection, null, ct);
        var stored = (await ProfileStore.FindAsync(connection, null, latest, ct))!;
        var active = await ProfileStore.ActiveVersionAsync(connection, null, ct);
        ETags.Set(HttpContext.Response, latest);
        await Send.OkAsync(CriteriaResponse.From(stored, active), ct);
    }
}
