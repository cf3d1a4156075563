using System.Text.Json.Nodes;

namespace Matchmaker.Tests.Harness;

/// <summary>Following a list's <c>nextCursor</c> to its end.</summary>
internal static class Paging
{
    /// <summary>The ids of every item from <paramref name="firstUrl"/> on, asserting the page count and that no id comes twice.</summary>
    public static async Task<List<string>> WalkAsync(HttpClient client, string firstUrl, int expectedPages)
    {
        var ids = new List<string>();
        var url = firstUrl;
        var pages = 0;
        while (true)
        {
            var page = await Expect.StatusAsync(await client.GetAsync(url), 200);
            pages++;
            ids.AddRange(JsonLists.Ids(page));
            var next = page["nextCursor"]?.GetValue<string>();
            if (next is null)
                break;
            Assert.True(pages < 100, "the cursor never ends");
            url = $"{firstUrl}&cursor={Uri.EscapeDataString(next)}";
        }

        Assert.Equal(expectedPages, pages);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return ids;
    }

    /// <summary>Every item of a list, page by page.</summary>
    public static async Task<List<JsonObject>> AllAsync(HttpClient client, string path, int limit)
    {
        var items = new List<JsonObject>();
        string? cursor = null;
        var separator = path.Contains('?') ? '&' : '?';
        for (var page = 0; page < 1000; page++)
        {
            var url = $"{path}{separator}limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var body = await Expect.StatusAsync(await client.GetAsync(url), 200);
            var pageItems = body["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            Assert.True(pageItems.Count <= limit, $"a page holds at most {limit} items");
            items.AddRange(pageItems);
            cursor = body["nextCursor"]?.GetValue<string>();
            if (cursor is null)
                return items;
            Assert.NotEmpty(pageItems);
        }

        throw new Xunit.Sdk.XunitException($"{path} did not end after 1000 pages.");
    }
}
