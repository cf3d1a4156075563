using Matchmaker.Api.Features.Matching.Criteria;

namespace Matchmaker.Api.Features.Matching.Jobs.Get;

internal sealed class Endpoint(ConnectionFactory db) : EndpointWithoutRequest<JobResponse>
{
    public const string Name = "getJob";

    public override void Configure()
    {
        Get("/jobs/{id:guid}");
        Description(b => b.WithName(Name));
        Roles(AppRoles.Admin, AppRoles.Agency);
        Summary(s =>
        {
            s.Summary = "Read a background job";
            s.Description = "Admin and agency. A re-score job goes `queued` → `running` → `succeeded` or `failed`; `processed` of `total` counts the needs written so far, `attempts` how often a runner picked it up.";
            s.ResponseExamples[200] = CriteriaExamples.Succeeded;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var job = await JobStore.FindAsync(connection, Route<Guid>("id"), ct);
        if (job is null)
        {
            await Send.ResultAsync(Problems.NotFound("Job"));
            return;
        }

        await Send.OkAsync(JobResponse.From(job), ct);
    }
}
