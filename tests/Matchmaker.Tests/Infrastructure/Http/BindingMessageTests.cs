using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Matchmaker.Tests.Infrastructure.Http;

/// <summary>
/// A value the API cannot read is answered with the field and the kind of value expected, in the client's
/// terms: no .NET type, namespace or serializer internals reach a client.
/// </summary>
public sealed partial class BindingMessageTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const int Requests = 400;

    [Theory]
    [InlineData("[1, 2]", "body", "The body must be a JSON object.")]
    [InlineData("\"just a string\"", "body", "The body must be a JSON object.")]
    [InlineData("{\"name\": \"x\",}", "body", "The body is not valid JSON (line 1, byte 14).")]
    [InlineData("{\"name\": 5}", "name", "'name' must be a string.")]
    [InlineData("{\"employees\": \"many\"}", "employees", "'employees' must be a whole number within range.")]
    [InlineData("{\"employees\": 99999999999}", "employees", "'employees' must be a whole number within range.")]
    [InlineData("{\"exportOriented\": \"yes\"}", "exportOriented", "'exportOriented' must be true or false.")]
    [InlineData("{\"sectors\": \"C28\"}", "sectors", "'sectors' must be an array.")]
    [InlineData("{\"sectors\": [1]}", "sectors[0]", "'sectors[0]' must be a string.")]
    [InlineData("{\"contact\": []}", "contact", "'contact' must be an object.")]
    [InlineData("{\"contact\": {\"email\": 5}}", "contact.email", "'contact.email' must be a string.")]
    [InlineData("{\"id\": \"x\"}", "id", "'id' is not a field of this request.")]
    [InlineData("{\"contact\": {\"x\": 1}}", "contact.x", "'contact.x' is not a field of this request.")]
    public async Task A_body_value_of_the_wrong_kind_names_the_field_and_the_kind_expected(string json, string field, string message)
    {
        var sme = await api.UserAsync("sme");

        var problem = await Expect.ProblemAsync(await sme.Client.SendRawAsync(HttpMethod.Post, "/api/v1/smes", json), 400, field);

        Assert.Equal([message], JsonLists.Strings(problem["errors"]![field]));
    }

    [Theory]
    [InlineData("/api/v1/needs?limit=lots", "limit", "'limit' must be a whole number within range.")]
    [InlineData("/api/v1/needs?limit=1.5", "limit", "'limit' must be a whole number within range.")]
    [InlineData("/api/v1/needs?minUsd=abc", "minUsd", "'minUsd' must be a number within range.")]
    [InlineData("/api/v1/admin/users?limit=99999999999", "limit", "'limit' must be a whole number within range.")]
    public async Task A_query_value_of_the_wrong_kind_names_the_parameter_and_the_kind_expected(string url, string field, string message)
    {
        var admin = await api.AdminAsync();

        var problem = await Expect.ProblemAsync(await admin.Client.GetAsync(url), 400);

        Assert.Equal(message, problem["errors"]!.AsObject().Single().Value![0]!.GetValue<string>());
        Assert.Equal(field, problem["errors"]!.AsObject().Single().Key, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Random requests to every documented write and list: a documented example body with one value
    /// swapped for a random JSON value of another kind, an unknown field, or text that is not JSON; list
    /// parameters with random text. No 400 names a .NET type.
    /// </summary>
    [Fact]
    public async Task No_random_request_is_answered_with_a_dotnet_type_name()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var doc = (await Expect.StatusAsync(await api.CreateClient().GetAsync("/openapi/v1.json"), 200)).AsObject();
        var callers = new[] { await api.AdminAsync(), await api.UserAsync("sme"), await api.UserAsync("partner"), await api.UserAsync("agency") };
        var writes = new List<(HttpMethod Method, string Path, JsonNode Example)>();
        var reads = new List<(string Path, string[] Parameters)>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            if (operation!["requestBody"]?["content"]?["application/json"]?["example"] is { } example && method != "get")
                writes.Add((new HttpMethod(method.ToUpperInvariant()), path, example));
            var query = (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>()).ToArray();
            if (method == "get" && query.Length > 0)
                reads.Add((path, query));
        }

        Assert.True(writes.Count >= 10 && reads.Count >= 10, "the document lists the writes and the lists");
        var refused = 0;
        for (var i = 0; i < Requests; i++)
        {
            var caller = callers[random.Next(callers.Length)].Client;
            HttpResponseMessage response;
            string request;
            if (random.Next(3) == 0)
            {
                var (path, parameters) = reads[random.Next(reads.Count)];
                var url = $"{WithIds(path, random)}?{parameters[random.Next(parameters.Length)]}={Uri.EscapeDataString(RandomText(random))}";
                request = $"GET {url}";
                response = await caller.GetAsync(url);
            }
            else
            {
                var (method, path, example) = writes[random.Next(writes.Count)];
                var body = Mutated(example, random);
                request = $"{method} {path} {body}";
                response = await caller.SendAsync(new HttpRequestMessage(method, WithIds(path, random)) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
            }

            if ((int)response.StatusCode != 400)
                continue;
            refused++;
            var text = await response.Content.ReadAsStringAsync();
            var leak = DotNetName().Match(text);
            Assert.False(leak.Success, $"seed {seed}: {request} → {text} names '{leak.Value}'");
        }

        Assert.True(refused >= Requests / 4, $"seed {seed}: only {refused} of {Requests} random requests were refused with 400");
    }

    private static string WithIds(string path, Random random) =>
        PathParameter().Replace(path, _ => new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray()).ToString());

    private static string Mutated(JsonNode example, Random random)
    {
        switch (random.Next(8))
        {
            case 0:
                return RandomText(random);
            case 1:
                return RandomValue(random, 2)?.ToJsonString() ?? "null";
        }

        var body = example.DeepClone();
        var slots = new List<(JsonNode Parent, object Key)>();
        Collect(body, slots);
        if (slots.Count == 0 || random.Next(6) == 0)
        {
            if (body is JsonObject root)
                root[$"x{random.Next(1000)}"] = RandomValue(random, 1);
            return body.ToJsonString();
        }

        var (parent, key) = slots[random.Next(slots.Count)];
        if (parent is JsonObject obj)
            obj[(string)key] = RandomValue(random, 2);
        else
            parent.AsArray()[(int)key] = RandomValue(random, 2);
        return body.ToJsonString();
    }

    private static void Collect(JsonNode? node, List<(JsonNode Parent, object Key)> slots)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj.ToList())
            {
                slots.Add((obj, name));
                Collect(value, slots);
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                slots.Add((array, i));
                Collect(array[i], slots);
            }
        }
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 0 ? 11 : 9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.Next(-1000, 1000)),
        3 => JsonValue.Create(random.NextDouble() * 1e6),
        4 => JsonNode.Parse("1" + new string('0', random.Next(10, 40))),
        5 => JsonValue.Create(RandomText(random)),
        6 => JsonValue.Create(Guid.NewGuid().ToString()),
        7 => JsonValue.Create(DateTime.UtcNow.AddDays(random.Next(-999, 999)).ToString(random.Next(2) == 0 ? "O" : "yyyy-MM-dd", CultureInfo.InvariantCulture)),
        8 => JsonValue.Create(""),
        9 => new JsonArray(Enumerable.Range(0, random.Next(3)).Select(_ => RandomValue(random, depth - 1)).ToArray()),
        _ => new JsonObject(Enumerable.Range(0, random.Next(3)).Select(j => KeyValuePair.Create($"k{j}", RandomValue(random, depth - 1)))),
    };

    private static string RandomText(Random random)
    {
        const string alphabet = "abcXYZ019 -_.:,{}[]\"'\\/+=é中ё\t";
        return new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex(@"System\.|Matchmaker\.|FastEndpoints|Microsoft\.|Int16|Int32|Int64|Decimal|Double|Boolean|Guid|Nullable|DateTime|DateOnly|List`|`1|\.NET|LineNumber|BytePosition|Path: \$|token type|reader options")]
    private static partial Regex DotNetName();
}
