using Matchmaker.Api.Features.Matching.Criteria.Update;
using FluentValidation.Results;
using Matchmaker.Api.Features.Matching.Engine;
using Matchmaker.Api.Infrastructure.Http;

namespace Matchmaker.Tests.Features.Matching.Criteria;

/// <summary>The static rules of PUT /criteria, without HTTP.</summary>
public sealed class CriteriaValidatorTests
{
    private static readonly Validator Rules = new();

    [Fact]
    public void The_documented_defaults_pass()
    {
        var result = Rules.Validate(Valid());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [InlineData("colour", "criteria[7].key")]
    [InlineData("Sector", "criteria[7].key")]
    [InlineData("", "criteria[7].key")]
    public void An_unknown_key_is_named_by_its_item(string key, string property)
    {
        var request = Valid();
        request.Criteria![7].Key = key;

        var result = Rules.Validate(request);

        Assert.Contains(result.Errors, e => Field(e) == property);
        Assert.Contains(result.Errors, e => Field(e) == "criteria" && e.ErrorMessage.Contains("certification", StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_key_is_named_in_the_message()
    {
        var request = Valid();
        request.Criteria!.Add(new CriterionRequest { Key = "jobs", Weight = 1, Required = false, Enabled = true });

        var result = Rules.Validate(request);

        var error = Assert.Single(result.Errors);
        Assert.Equal("criteria", Field(error));
        Assert.Contains("jobs", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.001)]
    [InlineData(1_000_000.5)]
    public void A_weight_outside_0_to_a_million_is_refused(double weight)
    {
        var request = Valid();
        request.Criteria![4].Weight = weight;

        Assert.Contains(Rules.Validate(request).Errors, e => Field(e) == "criteria[4].weight");
    }

    [Fact]
    public void A_disabled_criterion_with_weight_does_not_make_a_profile_valid()
    {
        var request = Valid();
        foreach (var criterion in request.Criteria!)
            (criterion.Enabled, criterion.Weight) = (criterion.Key == "sector", criterion.Key == "sector" ? 0 : 10);

        var error = Assert.Single(Rules.Validate(request).Errors);

        Assert.Equal("criteria", Field(error));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(37.5, true)]
    [InlineData(37.55, false)]
    [InlineData(100.1, false)]
    [InlineData(-1, false)]
    public void MinScore_is_0_to_100_with_one_decimal(double minScore, bool valid)
    {
        var request = Valid();
        request.MinScore = (decimal)minScore;

        Assert.Equal(valid, !Rules.Validate(request).Errors.Any(e => Field(e) == "minScore"));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10_000, true)]
    [InlineData(10_001, false)]
    public void The_caps_are_1_to_10000(int cap, bool valid)
    {
        var request = Valid();
        request.MaxPerNeed = cap;
        request.MaxPerPartner = cap;

        var errors = Rules.Validate(request).Errors;

        Assert.Equal(valid, !errors.Any(e => Field(e) == "maxPerNeed"));
        Assert.Equal(valid, !errors.Any(e => Field(e) == "maxPerPartner"));
    }

    [Fact]
    public void A_null_item_is_refused_without_failing_the_list_rules()
    {
        var request = Valid();
        request.Criteria!.Add(null!);

        var result = Rules.Validate(request);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => Field(e) == "criteria[8]");
    }

    [Fact]
    public void Missing_and_duplicate_keys_are_found_in_the_documented_order()
    {
        string?[] keys = ["jobs", "sector", "jobs", null, "colour", "ticket", "ticket", "ticket"];

        Assert.Equal(["need_type", "region", "export", "language", "certification"], CriteriaRules.Missing(keys));
        Assert.Equal(["jobs", "ticket"], CriteriaRules.Duplicates(keys));
        Assert.Empty(CriteriaRules.Missing(CriterionKeys.All));
        Assert.Empty(CriteriaRules.Duplicates(CriterionKeys.All));
    }

    /// <summary>As the API names it: FastEndpoints may already have switched FluentValidation to camelCase in this process.</summary>
    private static string Field(ValidationFailure failure) => ValidationProblems.FieldName(failure.PropertyName);

    private static Request Valid() => new()
    {
        MinScore = 40,
        MaxPerNeed = 200,
        MaxPerPartner = 200,
        Criteria = CriteriaBodies.Defaults
            .Select(d => new CriterionRequest { Key = d.Key, Weight = d.Weight, Required = d.Required, Enabled = true })
            .ToList(),
    };
}
