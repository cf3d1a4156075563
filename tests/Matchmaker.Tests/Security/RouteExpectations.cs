namespace Matchmaker.Tests.Security;

/// <summary>What a route's parameter is filled with: a record of the cast, or one made for each probe when probes change it.</summary>
internal enum Target { None, Sme, Need, WritableNeed, FreshNeed, Partner, Match, FreshMatch, MutualMatch, AgreedMatch, Outcome, SpareUser, Job, ReferenceList, Webhook, FreshWebhook, WebhookDelivery }

/// <summary>
/// The body a probe of the route sends: valid, except <see cref="WrongCurrentPassword"/>, which a password change
/// refuses (400), so that no probe ends the tokens of the callers the later probes use, and the unknown tokens, which
/// no link carried (400).
/// </summary>
internal enum Body { None, Sme, Need, Partner, Close, Decline, Stage, Criteria, FxRates, NewUser, UserUpdate, Register, SignIn, WrongCurrentPassword, Preferences, InboxRead, Webhook, Outcome, Verification, PasswordReset, UnknownToken, UnknownResetToken }

/// <summary>The authorisation table of every route: one line per route, reviewed when a route is added.</summary>
internal static class RouteExpectations
{
    /// <summary>
    /// Per route, the status each caller gets, in the order of <see cref="SecurityCast.Callers"/>:
    /// anonymous, owner (the SME of the deal), other-sme, partner (the deal's counter-party), other-partner (uninvolved), agency, admin.
    /// </summary>
    public static readonly Dictionary<string, (Target Target, Body Body, string Statuses)> Expected = new()
    {
        //                                                                     anon own  sme2 part prt2 agcy admn
        ["GET /api/v1/admin/users"] = (Target.None, Body.None,                "401 403 403 403 403 403 200"),
        ["POST /api/v1/admin/users"] = (Target.None, Body.NewUser,            "401 403 403 403 403 403 201"),
        ["GET /api/v1/admin/users/{id}"] = (Target.SpareUser, Body.None,      "401 403 403 403 403 403 200"),
        ["PUT /api/v1/admin/users/{id}"] = (Target.SpareUser, Body.UserUpdate, "401 403 403 403 403 403 200"),
        ["GET /api/v1/audit"] = (Target.None, Body.None,                      "401 403 403 403 403 403 200"),
        ["POST /api/v1/auth/password"] = (Target.None, Body.WrongCurrentPassword, "401 400 400 400 400 400 400"),
        ["GET /api/v1/auth/me"] = (Target.None, Body.None,                    "401 200 200 200 200 200 200"),
        ["POST /api/v1/auth/register"] = (Target.None, Body.Register,         "201 201 201 201 201 201 201"),
        ["POST /api/v1/auth/token"] = (Target.None, Body.SignIn,              "200 200 200 200 200 200 200"),
        ["POST /api/v1/auth/password-reset"] = (Target.None, Body.PasswordReset, "202 202 202 202 202 202 202"),
        ["POST /api/v1/auth/password-reset/confirm"] = (Target.None, Body.UnknownResetToken, "400 400 400 400 400 400 400"),
        ["POST /api/v1/auth/verify-email"] = (Target.None, Body.UnknownToken, "400 400 400 400 400 400 400"),
        ["POST /api/v1/auth/verify-email/resend"] = (Target.None, Body.None,  "401 202 202 202 202 403 403"),
        ["GET /api/v1/criteria"] = (Target.None, Body.None,                   "401 200 200 200 200 200 200"),
        ["PUT /api/v1/criteria"] = (Target.None, Body.Criteria,               "401 403 403 403 403 202 202"),
        ["GET /api/v1/jobs/{id}"] = (Target.Job, Body.None,                   "401 403 403 403 403 200 200"),
        ["POST /api/v1/jobs/{id}/restart"] = (Target.Job, Body.None,          "401 403 403 403 403 409 409"),
        ["GET /api/v1/inbox"] = (Target.None, Body.None,                      "401 200 200 200 200 403 403"),
        ["POST /api/v1/inbox/read"] = (Target.None, Body.InboxRead,           "401 204 204 204 204 403 403"),
        ["GET /api/v1/me/notifications"] = (Target.None, Body.None,           "401 200 200 200 200 200 200"),
        ["PUT /api/v1/me/notifications"] = (Target.None, Body.Preferences,    "401 200 200 200 200 200 200"),
        ["GET /api/v1/matches/{id}"] = (Target.Match, Body.None,              "401 200 404 200 404 200 200"),
        ["POST /api/v1/matches/{id}/decline"] = (Target.FreshMatch, Body.Decline, "401 200 404 200 404 403 403"),
        ["POST /api/v1/matches/{id}/interest"] = (Target.FreshMatch, Body.None, "401 200 404 200 404 403 403"),
        ["GET /api/v1/matches/{id}/outcomes"] = (Target.AgreedMatch, Body.None, "401 200 404 200 404 200 200"),
        ["POST /api/v1/matches/{id}/outcomes"] = (Target.AgreedMatch, Body.Outcome, "401 201 404 201 404 201 201"),
        ["GET /api/v1/matches/{id}/outcomes/{outcomeId}"] = (Target.Outcome, Body.None, "401 200 404 200 404 200 200"),
        ["POST /api/v1/matches/{id}/stage"] = (Target.MutualMatch, Body.Stage, "401 200 404 200 404 403 403"),
        ["GET /api/v1/needs"] = (Target.None, Body.None,                      "401 403 403 200 200 200 200"),
        ["GET /api/v1/needs/{id}"] = (Target.Need, Body.None,                 "401 200 404 200 200 200 200"),
        ["PUT /api/v1/needs/{id}"] = (Target.WritableNeed, Body.Need,         "401 200 404 403 403 403 200"),
        ["POST /api/v1/needs/{id}/close"] = (Target.FreshNeed, Body.Close,    "401 200 404 403 403 403 200"),
        ["POST /api/v1/needs/{id}/renew"] = (Target.FreshNeed, Body.None,     "401 200 404 403 403 403 200"),
        ["GET /api/v1/needs/{id}/matches"] = (Target.Need, Body.None,         "401 200 404 403 403 200 200"),
        ["GET /api/v1/needs/{id}/near-misses"] = (Target.Need, Body.None,     "401 200 404 403 403 200 200"),
        ["GET /api/v1/partners"] = (Target.None, Body.None,                   "401 200 200 403 403 200 200"),
        ["POST /api/v1/partners"] = (Target.None, Body.Partner,               "401 403 403 409 409 403 403"),
        ["GET /api/v1/partners/{id}"] = (Target.Partner, Body.None,           "401 200 200 200 404 200 200"),
        ["PUT /api/v1/partners/{id}"] = (Target.Partner, Body.Partner,        "401 403 403 200 404 403 200"),
        ["POST /api/v1/partners/{id}/verification"] = (Target.Partner, Body.Verification, "401 403 403 403 403 200 200"),
        ["GET /api/v1/partners/{id}/matches"] = (Target.Partner, Body.None,   "401 403 403 200 404 200 200"),
        ["GET /api/v1/reference/fx-rates"] = (Target.None, Body.None,         "200 200 200 200 200 200 200"),
        ["PUT /api/v1/reference/fx-rates"] = (Target.None, Body.FxRates,      "401 403 403 403 403 403 200"),
        ["GET /api/v1/reference/{list}"] = (Target.ReferenceList, Body.None,  "200 200 200 200 200 200 200"),
        ["GET /api/v1/reports/by-city"] = (Target.None, Body.None,            "401 403 403 403 403 200 200"),
        ["GET /api/v1/reports/by-region"] = (Target.None, Body.None,          "401 403 403 403 403 200 200"),
        ["GET /api/v1/reports/by-sector"] = (Target.None, Body.None,          "401 403 403 403 403 200 200"),
        ["GET /api/v1/reports/decline-reasons"] = (Target.None, Body.None,    "401 403 403 403 403 200 200"),
        ["GET /api/v1/reports/matches"] = (Target.None, Body.None,            "401 403 403 403 403 200 200"),
        ["GET /api/v1/reports/pipeline"] = (Target.None, Body.None,           "401 403 403 403 403 200 200"),
        ["GET /api/v1/reports/summary"] = (Target.None, Body.None,            "401 403 403 403 403 200 200"),
        ["GET /api/v1/reports/timeseries"] = (Target.None, Body.None,         "401 403 403 403 403 200 200"),
        ["GET /api/v1/smes"] = (Target.None, Body.None,                       "401 403 403 200 200 200 200"),
        ["POST /api/v1/smes"] = (Target.None, Body.Sme,                       "401 409 409 403 403 403 403"),
        ["GET /api/v1/smes/{id}"] = (Target.Sme, Body.None,                   "401 200 404 200 200 200 200"),
        ["PUT /api/v1/smes/{id}"] = (Target.Sme, Body.Sme,                    "401 200 404 403 403 403 200"),
        ["POST /api/v1/smes/{id}/verification"] = (Target.Sme, Body.Verification, "401 403 403 403 403 200 200"),
        ["GET /api/v1/verification-queue"] = (Target.None, Body.None,         "401 403 403 403 403 200 200"),
        ["GET /api/v1/smes/{smeId}/needs"] = (Target.Sme, Body.None,          "401 200 404 200 200 200 200"),
        ["POST /api/v1/smes/{smeId}/needs"] = (Target.Sme, Body.Need,         "401 201 404 403 403 403 403"),
        ["GET /api/v1/webhooks"] = (Target.None, Body.None,                   "401 200 200 200 200 200 200"),
        ["POST /api/v1/webhooks"] = (Target.None, Body.Webhook,               "401 201 201 201 201 201 201"),
        ["GET /api/v1/webhooks/{id}"] = (Target.Webhook, Body.None,           "401 200 404 404 404 404 404"),
        ["PUT /api/v1/webhooks/{id}"] = (Target.Webhook, Body.Webhook,        "401 200 404 404 404 404 404"),
        ["DELETE /api/v1/webhooks/{id}"] = (Target.FreshWebhook, Body.None,   "401 204 404 404 404 404 404"),
        ["POST /api/v1/webhooks/{id}/rotate-secret"] = (Target.Webhook, Body.None, "401 200 404 404 404 404 404"),
        ["GET /api/v1/webhooks/{id}/deliveries"] = (Target.Webhook, Body.None, "401 200 404 404 404 404 404"),
        ["POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/retry"] = (Target.WebhookDelivery, Body.None, "401 202 404 404 404 404 404"),
    };
}
