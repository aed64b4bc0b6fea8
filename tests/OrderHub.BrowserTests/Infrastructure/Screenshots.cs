using Microsoft.Playwright;

namespace OrderHub.BrowserTests.Infrastructure;

/// <summary>
/// Full-page screenshots for the documentation (<c>docs/screenshots/</c>), taken only when
/// <c>ORDERHUB_SCREENSHOTS</c> names the folder to write them to, so ordinary test runs leave the work tree alone.
/// </summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ORDERHUB_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }
}
