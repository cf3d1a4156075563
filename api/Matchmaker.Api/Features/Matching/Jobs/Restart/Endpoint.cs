using Matchmaker.Api.Features.Audit;
using Matchmaker.Api.Features.Matching.Criteria;

namespace Matchmaker.Api.Features.Matching.Jobs.Restart;

internal sealed class Endpoint(ConnectionFactory db, JobSignal signal, TimeProvider clock) : EndpointWithoutRequest<JobResponse>
{
    public override void Configure()
    {
        Post("/jobs/{id:guid}/restart");
        Roles(AppRoles.Admin, AppRoles.Agency);
        Description(b => b.WithName("restartJob").ClearDefaultProduces(200).Produces<JobResponse>(202, "application/json").ProducesProblems(409));
        Summary(s =>
        {
            s.Summary = "Queue a failed job again";
            s.Description = "Admin and agency. A failed re-score of the latest criteria version goes back to `queued` with its attempts reset and continues after the last need it wrote. Answers 202 with the job's `Location`.";
            s.Responses[202] = "Queued again.";
            s.Responses[409] = "The job has not failed, or a newer criteria version superseded it.";
            s.ResponseExamples[202] = CriteriaExamples.Queued;
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

        if (job.Status != JobStatus.Failed)
        {
            await Send.ResultAsync(Problems.Conflict(Messages.Get("Job.OnlyFailedRestarts", job.Status)));
            return;
        }

        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            if (!await JobStore.RestartAsync(connection, tx, job.Id, ct))
            {
                await Send.ResultAsync(Problems.Conflict(Messages.Get("Job.Superseded")));
                return;
            }

            await AuditLog.AppendAsync(connection, tx, new AuditEntry(AuditActor.Of(User), AuditAction.JobRestarted, AuditTarget.Job, job.PublicId.ToString(),
                new { criteriaVersion = job.CriteriaVersion, attempts = job.Attempts }), clock.GetUtcNow().UtcDateTime, ct);
            await tx.CommitAsync(ct);
        }

        signal.Wake();
        var queued = (await JobStore.FindAsync(connection, job.Id, ct))!;
        await Send.AcceptedAtAsync(Jobs.Get.Endpoint.Name, new { id = queued.PublicId }, JobResponse.From(queued), cancellation: ct);
    }
}
