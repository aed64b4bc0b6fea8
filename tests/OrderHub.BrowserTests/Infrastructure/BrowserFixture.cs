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

    /// <summary>A portal page for the documentation, as <c>portal-{name}.png</c> (see <see cref="Screenshots"/>).</summary>
    public static Task ScreenshotAsync(IPage page, string name) => Screenshots.SaveAsync(page, $"portal-{name}");

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
