using Matchmaker.Api.Features.Matching.Engine;

namespace Matchmaker.Tests.Features.Matching.Engine;

public sealed class CertificationCatalogTests
{
    [Fact]
    public void Names_differing_only_in_case_or_blanks_share_a_bit()
    {
        var catalog = new CertificationCatalog();

        Assert.Equal(catalog.Intern("ISO 9001"), catalog.Intern("  iso 9001 "));
        Assert.Equal(1, catalog.Count);
    }

    [Fact]
    public void Seeded_names_get_the_first_bits()
    {
        var catalog = new CertificationCatalog(["HACCP", "CE", "haccp"]);

        Assert.Equal([0, 1], new[] { catalog.Intern("HACCP"), catalog.Intern("CE") });
    }

    [Fact]
    public void Names_after_the_last_bit_get_none()
    {
        var catalog = new CertificationCatalog(capacity: 2);

        Assert.Equal([0, 1, -1, 0], new[] { catalog.Intern("A"), catalog.Intern("B"), catalog.Intern("C"), catalog.Intern("a") });
    }

    [Fact]
    public void Catalog_hands_out_at_most_64_bits()
    {
        var catalog = new CertificationCatalog(Enumerable.Range(0, 100).Select(i => $"cert {i}"));

        Assert.Equal(CertificationCatalog.MaxBits, catalog.Count);
        Assert.Equal(63, catalog.Intern("cert 63"));
        Assert.Equal(-1, catalog.Intern("cert 64"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CertificationCatalog(capacity: 65));
    }
}
