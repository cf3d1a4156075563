using System.Globalization;
using Matchmaker.Api.Features.Matching.Engine;
using static Matchmaker.Api.Features.Notifications.NotificationTexts;

namespace Matchmaker.Api.Features.Matching;

/// <summary>
/// A breakdown row's advice as its reader reads it, in English, Russian or Chinese (the reader's notification
/// language): the criterion, the side that can make the change, the change, and the points it adds.
/// </summary>
internal static class AdviceText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(Advice advice, string language)
    {
        var change = advice.Change;
        var v = change.Kind == AdviceKind.AcceptAmount ? decimal.Parse(change.Value, Invariant).ToString("#,0.##", Invariant) : change.Value;
        var p = advice.Points.ToString("0.0", Invariant);
        var sme = change.Side == AdviceSide.Sme;
        var text = (change.Kind, language) switch
        {
            (AdviceKind.AddSector, Russian) when sme => $"если МСП укажет для потребности раздел ISIC {v}, оценка вырастет на {p} балла",
            (AdviceKind.AddSector, Russian) => $"если партнёр начнёт работать в разделе ISIC {v}, оценка вырастет на {p} балла",
            (AdviceKind.AddSector, Chinese) when sme => $"若中小企业为该需求添加 ISIC 大类 {v}，得分将增加 {p} 分",
            (AdviceKind.AddSector, Chinese) => $"若合作方涉足 ISIC 大类 {v}，得分将增加 {p} 分",
            (AdviceKind.AddSector, _) when sme => $"the SME naming ISIC division {v} on the need would add {p} points",
            (AdviceKind.AddSector, _) => $"the partner working in ISIC division {v} would add {p} points",

            (AdviceKind.AcceptAmount, Russian) => $"если партнёр примет сумму {v} USD, оценка вырастет на {p} балла",
            (AdviceKind.AcceptAmount, Chinese) => $"若合作方接受 {v} 美元的金额，得分将增加 {p} 分",
            (AdviceKind.AcceptAmount, _) => $"the partner accepting {v} USD would add {p} points",

            (AdviceKind.AddOffering, Russian) => $"если партнёр предложит {v}, оценка вырастет на {p} балла",
            (AdviceKind.AddOffering, Chinese) => $"若合作方提供 {v}，得分将增加 {p} 分",
            (AdviceKind.AddOffering, _) => $"the partner offering {v} would add {p} points",

            (AdviceKind.AddTargetRegion, Russian) => $"если партнёр включит {v} в целевые регионы, оценка вырастет на {p} балла",
            (AdviceKind.AddTargetRegion, Chinese) => $"若合作方将 {v} 列为目标地区，得分将增加 {p} 分",
            (AdviceKind.AddTargetRegion, _) => $"the partner targeting {v} would add {p} points",

            (AdviceKind.BecomeExportOriented, Russian) => $"если МСП станет ориентированным на экспорт, оценка вырастет на {p} балла",
            (AdviceKind.BecomeExportOriented, Chinese) => $"若中小企业转为出口导向，得分将增加 {p} 分",
            (AdviceKind.BecomeExportOriented, _) => $"the SME becoming export-oriented would add {p} points",

            (AdviceKind.CreateJobs, Russian) => $"если МСП запланирует {v} рабочих мест по этой потребности, оценка вырастет на {p} балла",
            (AdviceKind.CreateJobs, Chinese) => $"若中小企业为该需求计划创造 {v} 个就业岗位，得分将增加 {p} 分",
            (AdviceKind.CreateJobs, _) => $"the SME planning {v} jobs for the need would add {p} points",

            (AdviceKind.AddLanguage, Russian) when sme => $"если МСП будет работать на языке {v}, оценка вырастет на {p} балла",
            (AdviceKind.AddLanguage, Russian) => $"если партнёр будет работать на языке {v}, оценка вырастет на {p} балла",
            (AdviceKind.AddLanguage, Chinese) when sme => $"若中小企业使用语言 {v}，得分将增加 {p} 分",
            (AdviceKind.AddLanguage, Chinese) => $"若合作方使用语言 {v}，得分将增加 {p} 分",
            (AdviceKind.AddLanguage, _) when sme => $"the SME working in {v} would add {p} points",
            (AdviceKind.AddLanguage, _) => $"the partner working in {v} would add {p} points",

            (AdviceKind.AddCertification, Russian) => $"если МСП получит сертификат {v}, оценка вырастет на {p} балла",
            (AdviceKind.AddCertification, Chinese) => $"若中小企业持有 {v} 认证，得分将增加 {p} 分",
            (AdviceKind.AddCertification, _) => $"the SME holding {v} would add {p} points",

            _ => throw new ArgumentOutOfRangeException(nameof(advice), change.Kind, "Not an advice kind."),
        };
        return $"{change.Criterion}: {text}";
    }
}
