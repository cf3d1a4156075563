namespace Matchmaker.Api.Features.Shared;

/// <summary>How much of a profile a caller may see; Hidden answers 404 so a record's existence never leaks.</summary>
internal enum ProfileView
{
    Hidden,
    Public,
    Full,
}
