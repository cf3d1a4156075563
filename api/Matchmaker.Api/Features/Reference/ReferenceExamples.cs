using Matchmaker.Api.Features.Reference.FxRates;
using Matchmaker.Api.Features.Reference.List;
using Matchmaker.Api.Features.Reference.UpdateFxRates;

namespace Matchmaker.Api.Features.Reference;

internal static class ReferenceExamples
{
    /// <summary>Two rows of <c>/reference/sectors</c>: a section and one of its divisions.</summary>
    public static List.Response Sectors => new(
    [
        new ReferenceItem { Code = "C", NameEn = "Manufacturing", NameRu = "Обрабатывающая промышленность", NameZh = "制造业", Section = "C", Level = "section" },
        new ReferenceItem
        {
            Code = "C28",
            NameEn = "Manufacture of machinery and equipment n.e.c.",
            NameRu = "Производство машин и оборудования, не включенных в другие группировки",
            NameZh = "未另分类的机械和设备的制造",
            Section = "C",
            Level = "division",
        },
    ]);

    public static FxRates.Response Rates => new(
    [
        new FxRate { Currency = "CNY", UsdPerUnit = 0.1392m, EffectiveDate = new DateOnly(2026, 4, 1) },
        new FxRate { Currency = "CNY", UsdPerUnit = 0.1400m, EffectiveDate = new DateOnly(2026, 1, 1) },
        new FxRate { Currency = "KGS", UsdPerUnit = 0.011435m, EffectiveDate = new DateOnly(2026, 1, 1) },
        new FxRate { Currency = "USD", UsdPerUnit = 1m, EffectiveDate = new DateOnly(2026, 1, 1) },
    ]);

    public static UpdateFxRates.Request NewRate => new()
    {
        Rates = [new RateInput { Currency = "CNY", UsdPerUnit = 0.1392m, EffectiveDate = new DateOnly(2026, 4, 1) }],
    };
}
