namespace Kanban.E2E;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    // One browser for all browser tests, which run one class at a time (the machine has two cores).
    public const string Name = "browser";
}
