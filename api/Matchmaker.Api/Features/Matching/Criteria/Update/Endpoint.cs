using System.Globalization;
using Matchmaker.Api.Features.Audit;
using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Features.Matching.Jobs;
using Matchmaker.Api.Features.Matching.Scoring;

namespace Matchmaker.Api.Features.Matching.Criteria.Update;

internal sealed class Endpoint(ConnectionFactory db, SqlDialect dialect, TimeProvider clock, JobSignal signal) : Endpoint<Request, JobResponse>
{
    public override void Configure()
    {
        Put("/criteria");
        Roles(AppRoles.Admin, AppRoles.Agency);
        Description(b => b.WithName("updateCriteria").ClearDefaultProduces(200).Produces<JobResponse>(202, "application/json").ProducesProblems(412, 428));
        Summary(s =>
        {
            s.Summary = "Change the scoring criteria";
            s.Description = "Admin and agency, with `If-Match` carrying the ETag of the latest version. Stores the body as a new, pending version "
                + "and queues a job that re-scores every need and partner with it; the version becomes active when the job succeeds. "
                + "A queued or running job for an older pending version is failed as superseded. All eight criteria must be listed once; "
                + "weights are 0–1,000,000 with at least one enabled criterion above 0. Answers 202 with the job in the body and its `Location`, "
                + "and the new version's ETag.";
            s.Responses[202] = "Accepted: the new version is pending until the re-score job in `Location` succeeds.";
            s.Responses[412] = "The criteria changed since you read them.";
            s.Responses[428] = "If-Match is missing.";
            s.ExampleRequest = CriteriaExamples.Change;
            s.ResponseExamples[202] = CriteriaExamples.Queued;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (ETags.ReadIfMatch(HttpContext.Request) is not { } ifMatch)
        {
            await Send.ResultAsync(Problems.PreconditionRequired());
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(ct);
        JobRow job;
        int version;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var latest = await ProfileStore.LatestVersionAsync(connection, tx, ct);
            if (!ifMatch.Matches(latest) || (req.Version is { } based && based != latest))
            {
                await Send.ResultAsync(Problems.PreconditionFailed());
                return;
            }

            version = latest + 1;
            try
            {
                var criteria = req.Criteria!.Select(c => new CriterionSetting(c.Key!, c.Weight!.Value, c.Required!.Value, c.Enabled!.Value)).ToList();
                await ProfileStore.InsertAsync(connection, tx,
                    new ScoringProfile(version, req.MinScore!.Value, req.MaxPerNeed!.Value, req.MaxPerPartner!.Value, criteria), User.PublicId(), now, ct);
            }
            catch (Exception e) when (dialect.IsUniqueViolation(e))
            {
                await Send.ResultAsync(Problems.PreconditionFailed());
                return;
            }

            await JobStore.SupersedeAsync(connection, tx, version, now, ct);
            job = await JobStore.InsertRescoreAsync(connection, tx, version, User.PublicId(), now, ct);
            await AuditLog.AppendAsync(connection, tx, new AuditEntry(AuditActor.Of(User), AuditAction.CriteriaChanged, AuditTarget.Criteria,
                version.ToString(CultureInfo.InvariantCulture), new { from = latest, to = version, jobId = job.PublicId }), now, ct);
            await tx.CommitAsync(ct);
        }

        signal.Wake();
        ETags.Set(HttpContext.Response, version);
        await Send.AcceptedAtAsync(Jobs.Get.Endpoint.Name, new { id = job.PublicId }, JobResponse.From(job), cancellation: ct);
    }
}
