using Matchmaker.Api.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Matchmaker.Tests.Infrastructure.Http;

public sealed class ETagsTests
{
    [Theory]
    [InlineData(new[] { "\"4\", \"99\"" }, 4, true)]
    [InlineData(new[] { "\"4\", \"99\"" }, 99, true)]
    [InlineData(new[] { "\"99\"", "\"4\"" }, 4, true)]
    [InlineData(new[] { "W/\"3\", \"4\"" }, 4, true)]
    [InlineData(new[] { "*" }, 4, true)]
    [InlineData(new[] { "\"4\", \"99\"" }, 5, false)]
    [InlineData(new[] { "W/\"4\"" }, 4, false)]
    [InlineData(new[] { "4" }, 4, false)]
    public void If_match_matches_when_any_strong_tag_is_the_current_version_or_it_is_a_star(string[] header, int current, bool matches)
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.IfMatch = new StringValues(header);

        Assert.Equal(matches, ETags.ReadIfMatch(request)!.Matches(current));
        Assert.Equal(matches, ETags.Precondition(request, current) is null);
    }
}
