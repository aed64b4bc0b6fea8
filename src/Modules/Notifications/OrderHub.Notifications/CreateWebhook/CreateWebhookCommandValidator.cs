using FluentValidation;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.WebhookTargets;

namespace OrderHub.Notifications.CreateWebhook;

internal sealed class CreateWebhookCommandValidator : AbstractValidator<CreateWebhookCommand>
{
    public const int MinSecretLength = 16;

    public CreateWebhookCommandValidator(WebhookTargetGuard targets)
    {
        RuleFor(x => x.Request.Url).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(2000)
            .Must(BeAnAbsoluteHttpUrl!).WithMessage("url must be an absolute http or https URL.")
            .MustAsync(async (_, url, context, ct) =>
            {
                var problem = await targets.ProblemWithAsync(url!.Trim(), ct);
                context.MessageFormatter.AppendArgument("Problem", problem);
                return problem is null;
            })
            .WithMessage("{Problem}")
            .OverridePropertyName("url");
        RuleFor(x => x.Request.Events).NotEmpty().WithMessage("events must name at least one event.").OverridePropertyName("events");
        RuleForEach(x => x.Request.Events)
            .Must(e => WebhookEventTypes.All.Contains(e, StringComparer.Ordinal))
            .WithMessage((_, e) => $"'{e}' is not a webhook event; known events: {string.Join(", ", WebhookEventTypes.All)}.")
            .OverridePropertyName("events");
        RuleFor(x => x.Request.Secret).NotEmpty().Length(MinSecretLength, 200).OverridePropertyName("secret");
    }

    private static bool BeAnAbsoluteHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
