using System.Diagnostics;
using OpenQA.Selenium;

namespace Matchmaker.Tests.Features.Dashboard;

/// <summary>What a test does on the dashboard page and reads from it, by the ids and data attributes the page keeps stable.</summary>
internal sealed class DashboardPage(DashboardBrowser browser)
{
    public static readonly string[] Charts = ["byRegion", "bySector", "byCity", "pipeline", "timeseries", "outcomes", "declineReasons"];

    private IWebDriver Driver => browser.Driver;

    public void Open()
    {
        Driver.Navigate().GoToUrl(new Uri(browser.Root, "/dashboard"));
        Until(() => Script("return document.body.dataset.ready === 'true'") is true, "the page to start");
    }

    public void SignIn(string email, string password)
    {
        Driver.FindElement(By.Id("email")).SendKeys(email);
        Driver.FindElement(By.Id("password")).SendKeys(password);
        Driver.FindElement(By.Id("password")).SendKeys(Keys.Enter);
    }

    /// <summary>Signs in and waits for the unfiltered figures.</summary>
    public void SignInAndWait(string email, string password)
    {
        Open();
        SignIn(email, password);
        WaitForQuery("");
    }

    /// <summary>Waits until the figures for the given filters are on the page.</summary>
    public void WaitForQuery(string query) => Until(
        () => Script("const b = document.getElementById('board'); return !b.hidden && b.dataset.query === arguments[0] && b.getAttribute('aria-busy') === 'false'", query) is true,
        $"the figures for '{query}'");

    public void Filter(string field, string value)
    {
        Script("document.getElementById(arguments[0]).value = arguments[1]", field, value);
        Driver.FindElement(By.Id("apply")).Click();
    }

    public void ChooseLanguage(string language, string title)
    {
        Script("const s = document.getElementById('language'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));", language);
        Until(() => Driver.FindElement(By.TagName("h1")).Text == title, $"the page in {language}");
    }

    /// <summary>Each summary card's figure: its raw value and the text shown.</summary>
    public IReadOnlyDictionary<string, (string Value, string Shown)> Figures() =>
        Driver.FindElements(By.CssSelector("[data-figure]"))
            .ToDictionary(e => e.GetDomAttribute("data-figure")!, e => (e.GetDomAttribute("data-value") ?? "", e.Text));

    public string CardLabel(string figure) =>
        Driver.FindElement(By.CssSelector($"[data-figure='{figure}']")).FindElement(By.XPath("preceding-sibling::dt")).Text;

    /// <summary>A chart's table: each row's heading and the raw values of its cells.</summary>
    public IReadOnlyList<(string Label, IReadOnlyList<string> Values)> Table(string chart) =>
        Driver.FindElements(By.CssSelector($"table[data-table='{chart}'] tbody tr"))
            .Select(row => (
                row.FindElement(By.TagName("th")).GetDomProperty("textContent") ?? "",
                (IReadOnlyList<string>)row.FindElements(By.TagName("td")).Select(td => td.GetDomAttribute("data-value") ?? "").ToList()))
            .ToList();

    public string TableSignature(string chart) =>
        string.Join("|", Table(chart).Select(r => r.Label + ":" + string.Join(",", r.Values)));

    public string Problem() => Driver.FindElement(By.Id("problem")).Text;

    public bool BoardShown() => Driver.FindElement(By.Id("board")).Displayed;

    public object? Script(string script, params object[] args) => ((IJavaScriptExecutor)Driver).ExecuteScript(script, args);

    /// <summary>Saves the whole page, or with <paramref name="fullPage"/> false only the window (small enough for the README).</summary>
    public void Screenshot(string name, bool fullPage = true)
    {
        Directory.CreateDirectory(DashboardBrowser.Screenshots);
        if (!fullPage)
        {
            ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(Path.Combine(DashboardBrowser.Screenshots, name + ".png"));
            return;
        }

        var height = Convert.ToInt32(Script("return document.documentElement.scrollHeight"), System.Globalization.CultureInfo.InvariantCulture);
        var window = Driver.Manage().Window;
        var size = window.Size;
        window.Size = new System.Drawing.Size(size.Width, Math.Min(height + 140, 4000));
        ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(Path.Combine(DashboardBrowser.Screenshots, name + ".png"));
        window.Size = size;
    }

    public static void Until(Func<bool> condition, string what, int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
                Assert.Fail($"Waited {seconds} s for {what}.");
            Thread.Sleep(100);
        }
    }
}
