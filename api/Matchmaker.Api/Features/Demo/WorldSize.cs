namespace Matchmaker.Api.Features.Demo;

/// <summary>How many SMEs, needs and partners a synthetic world holds.</summary>
internal sealed record WorldSize(int Smes, int Needs, int Partners);
