using Matchmaker.Api.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Matchmaker.Tests.Infrastructure.Http;

/// <summary>The target an Idempotency-Key is scoped to: the route pattern and its values in one spelling, short enough to store.</summary>
public sealed class IdempotencyScopeTests
{
    [Fact]
    public void Ids_in_any_case_give_one_scope_named_by_the_pattern()
    {
        var id = Guid.NewGuid();

        var lower = Idempotency.Scope(Request("smes/{smeId:guid}/needs", ("smeId", id.ToString())));
        var upper = Idempotency.Scope(Request("smes/{smeId:guid}/needs", ("smeId", id.ToString("B").ToUpperInvariant())));

        Assert.Equal($"smes/{{smeId:guid}}/needs?smeid={id:D}", lower);
        Assert.Equal(lower, upper);
    }

    [Fact]
    public void A_scope_too_long_to_store_is_the_pattern_and_a_hash_of_the_values()
    {
        var first = Idempotency.Scope(Request("things/{code}", ("code", new string('a', 1000))));
        var second = Idempotency.Scope(Request("things/{code}", ("code", new string('a', 999) + "b")));

        Assert.StartsWith("things/{code}#", first, StringComparison.Ordinal);
        Assert.True(first.Length <= 400);
        Assert.NotEqual(first, second);
    }

    private static HttpContext Request(string pattern, params (string Name, string Value)[] values)
    {
        var context = new DefaultHttpContext();
        context.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0, EndpointMetadataCollection.Empty, null));
        foreach (var (name, value) in values)
            context.Request.RouteValues[name] = value;
        return context;
    }
}
