using Matchmaker.Api.Features.Matching.Deals;

namespace Matchmaker.Tests.Features.Matching.Deals;

public sealed class MatchStatusTests
{
    [Fact]
    public void The_sql_list_of_stages_names_the_stages_in_order()
    {
        var listed = MatchStatus.StagesAsSqlList.Trim('(', ')').Split(',').Select(s => s.Trim().Trim('\'')).ToArray();

        Assert.Equal(MatchStatus.Stages, listed);
    }

    [Fact]
    public void Every_status_is_a_stage_a_stage_target_or_one_of_the_opt_in_statuses()
    {
        string[] optIn = [MatchStatus.Suggested, MatchStatus.SmeInterested, MatchStatus.PartnerInterested, MatchStatus.Declined];

        Assert.Equal(MatchStatus.All.Order(), optIn.Concat(MatchStatus.Stages).Order());
        Assert.Equal(MatchStatus.Stages.Skip(1), MatchStatus.StageTargets);
    }
}
