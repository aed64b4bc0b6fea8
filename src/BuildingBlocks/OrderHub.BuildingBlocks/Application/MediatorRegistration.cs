using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.BuildingBlocks.Application;

/// <summary>
/// The one place that knows MediatR 5.1.0: the registry here restores no later version, so an upgrade
/// must only touch this file.
/// </summary>
public static class MediatorRegistration
{
    /// <summary>The mediator and its pipeline: logging → validation → unit of work.</summary>
    public static IServiceCollection AddOrderHubMediator(this IServiceCollection services)
    {
        services.AddTransient<ServiceFactory>(sp => sp.GetService!);
        services.AddTransient<IMediator, Mediator>();
        services.TryAddSingleton<IntegrationEventHandlerRegistry>();

        // Messages name a field as the client wrote it in JSON ('rmaNumber'), not split into words ('Rma Number').
        // Asked on every validation, for a bounded set of member names, hence kept.
        var displayNames = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : displayNames.GetOrAdd(member.Name, ValidationBehavior<object, object>.JsonFieldName);

        // Order matters: the first registered behaviour is the outermost.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehavior<,>));
        return services;
    }

    /// <summary>Registers the request, domain-event and integration-event handlers and validators of the assemblies.</summary>
    public static IServiceCollection AddOrderHubHandlers(this IServiceCollection services, IEnumerable<Assembly> assemblies)
    {
        var scanned = assemblies.Distinct().ToArray();

        // Handlers and validators are internal to their modules, hence publicOnly: false. A validator is built once:
        // its constructor builds the rule tree (the order intake's allocated a sixth of an order's memory when it was
        // built per request, docs/benchmarks.md), and its rules keep no state between validations, so one instance
        // serves every request; it may depend on singletons only, which the host checks in Development and Testing.
        services.Scan(scan => scan.FromAssemblies(scanned)
            .AddClasses(c => c.AssignableToAny(typeof(IRequestHandler<,>), typeof(INotificationHandler<>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithScopedLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithSingletonLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IIntegrationEventHandler<>)), publicOnly: false)
            .AsSelf()
            .WithScopedLifetime());
        return services;
    }
}
