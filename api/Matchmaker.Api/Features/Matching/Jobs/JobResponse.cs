namespace Matchmaker.Api.Features.Matching.Jobs;

/// <summary>A background job; <c>processed</c> of <c>total</c> counts the needs a re-score has written so far.</summary>
public sealed record JobResponse
{
    public Guid Id { get; init; }
    public string Kind { get; init; } = "";
    public string Status { get; init; } = "";
    public int? CriteriaVersion { get; init; }
    public int Processed { get; init; }
    public int Total { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? FinishedAt { get; init; }
    public string? Error { get; init; }
    public int Attempts { get; init; }

    internal static JobResponse From(JobRow row) => new()
    {
        Id = row.PublicId,
        Kind = row.Kind,
        Status = row.Status,
        CriteriaVersion = row.CriteriaVersion,
        Processed = row.Processed,
        Total = row.Total,
        CreatedAt = row.CreatedAt,
        StartedAt = row.StartedAt,
        FinishedAt = row.FinishedAt,
        Error = row.Error,
        Attempts = row.Attempts,
    };
}

internal static class JobBounds
{
    public static void DescribeFields(FieldBounds fields) => fields
        .Code("JobsJobResponse.status", 16, [JobStatus.Queued, JobStatus.Running, JobStatus.Succeeded, JobStatus.Failed])
        .Code("JobsJobResponse.kind", 16, [JobKinds.Rescore])
        .String("error", 4000)
        .Integer("attempts", 0, 1000)
        .Integer("processed", 0, int.MaxValue)
        .Integer("total", 0, int.MaxValue);
}
