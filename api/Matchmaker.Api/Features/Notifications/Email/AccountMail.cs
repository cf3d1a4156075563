using System.Globalization;
using MimeKit;

namespace Matchmaker.Api.Features.Notifications.Email;

/// <summary>
/// The mail of an account token, in the account's language: the link that verifies its address
/// (<c>{base}/verify-email?token=…</c>) or resets its password (<c>{base}/reset-password?token=…</c>).
/// </summary>
internal static class AccountMail
{
    public static MimeMessage Compose(OutgoingEmail email, string token, string language, EmailOptions options)
    {
        var reset = email.TokenPurpose == Auth.AccountTokens.Purposes.PasswordReset;
        var link = $"{email.LinkBase}/{(reset ? "reset-password" : "verify-email")}?token={token}";
        var until = email.TokenExpiresAt!.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        var (subject, opening, closing) = reset ? Reset(language, until) : Verify(language, until);
        return EmailComposer.Message(email, subject, [opening, link, closing], language, options);
    }

    private static (string Subject, string Opening, string Closing) Verify(string language, string until) => language switch
    {
        NotificationTexts.Russian => ("Подтвердите адрес электронной почты для Matchmaker",
            "Откройте ссылку, чтобы подтвердить, что этот адрес ваш:",
            $"Ссылка действует один раз, до {until}. Если вы не регистрировались в Matchmaker, просто не обращайте внимания на это письмо."),
        NotificationTexts.Chinese => ("请确认您在 Matchmaker 的电子邮件地址",
            "请打开以下链接，确认此地址属于您：",
            $"该链接仅可使用一次，有效期至 {until}。如果您没有注册 Matchmaker，请忽略此邮件。"),
        _ => ("Confirm your e-mail address for Matchmaker",
            "Open this link to confirm that this address is yours:",
            $"The link works once, until {until}. If you did not register with Matchmaker, ignore this e-mail."),
    };

    private static (string Subject, string Opening, string Closing) Reset(string language, string until) => language switch
    {
        NotificationTexts.Russian => ("Сброс пароля Matchmaker",
            "Кто-то запросил сброс пароля учётной записи Matchmaker с этим адресом. Откройте ссылку, чтобы задать новый пароль:",
            $"Ссылка действует один раз, до {until}. Если это были не вы, не обращайте внимания на письмо: пароль останется прежним."),
        NotificationTexts.Chinese => ("重置您的 Matchmaker 密码",
            "有人请求重置此邮箱对应的 Matchmaker 账户密码。请打开以下链接设置新密码：",
            $"该链接仅可使用一次，有效期至 {until}。如果这不是您本人的操作，请忽略此邮件，您的密码不会改变。"),
        _ => ("Reset your Matchmaker password",
            "Someone asked to reset the password of the Matchmaker account with this address. Open this link to choose a new one:",
            $"The link works once, until {until}. If it was not you, ignore this e-mail: your password stays as it is."),
    };
}
