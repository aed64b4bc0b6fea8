using Microsoft.Playwright;

namespace OrderHub.BrowserTests.Infrastructure;

/// <summary>
/// One running OrderHub and one headless Debian chromium (<c>/usr/bin/chromium</c>, never a downloaded browser)
/// shared by the browser tests; each test opens its own browser context, so cookies never cross tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>A phone screen (CSS pixels), as the portal must work on.</summary>
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private PortalApp? _app;

    public PortalApp App => _app ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    public Shop Shop { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests drive Debian's chromium at {ChromiumPath}; install it (apt-get install chromium), build/test.sh does.");
        }

        _app = await PortalApp.StartAsync();
        Shop = new Shop(_app);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser session (no cookies) with the given screen and language.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null, string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = viewport ?? Desktop,
            Locale = locale,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Saves a full-page screenshot as <c>docs/screenshots/portal-{name}.png</c> in the repository, for people to
    /// look at the pages without running them.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"portal-{name}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrderHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No OrderHub.sln above {AppContext.BaseDirectory}.");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
