using System.Reflection;
using MediatR;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.ArchitectureTests;

/// <summary>
/// One layout per use case in every module: a folder (and namespace) per use case holding its endpoint, command or
/// query, validator and handler, all named after it; endpoints map one use case each; request and response records
/// live in the module's contracts.
/// </summary>
public sealed class UseCaseLayoutTests
{
    public static TheoryData<string> Modules => new(["Platform", "Orders", "Inventory", "Warehouse", "Returns", "Notifications", "Analytics"]);

    private static Type[] TypesOf(string module) => Assembly.Load(new AssemblyName($"OrderHub.{module}")).GetTypes()
        .Where(t => !t.IsNested && !t.Name.Contains('<', StringComparison.Ordinal))
        .ToArray();

    private static string UseCaseOf(Type type) => type.Namespace!.Split('.').Last();

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_handler_lives_in_the_folder_of_its_use_case(string module)
    {
        var handlers = TypesOf(module)
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
            .ToList();
        handlers.ShouldNotBeEmpty();
        var misplaced = handlers
            .Where(t => !t.Name.StartsWith(UseCaseOf(t), StringComparison.Ordinal) || t.Namespace == $"OrderHub.{module}")
            .Select(t => t.FullName)
            .ToList();
        misplaced.ShouldBeEmpty("a handler is named after the use case whose folder holds it");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_endpoint_maps_one_use_case_from_its_folder(string module)
    {
        var endpoints = TypesOf(module)
            .Where(t => t.Name.EndsWith("Endpoint", StringComparison.Ordinal) && t.GetMethod("Map", BindingFlags.Public | BindingFlags.Static) is not null)
            .ToList();
        endpoints.ShouldNotBeEmpty();
        var misplaced = endpoints
            .Where(t => t.Name != UseCaseOf(t) + "Endpoint")
            .Select(t => t.FullName)
            .ToList();
        misplaced.ShouldBeEmpty("an endpoint is <UseCase>Endpoint in the <UseCase> folder");
        TypesOf(module).Where(t => t.Name.EndsWith("Endpoints", StringComparison.Ordinal) && t.GetMethods().Any(m => m.GetParameters().Any(p => typeof(IEndpointRouteBuilder).IsAssignableFrom(p.ParameterType)) && m.Name != $"Map{module}Endpoints"))
            .Select(t => t.FullName).ShouldBeEmpty("no class maps the routes of several use cases but the module's own registration");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Request_and_response_records_live_in_the_contracts(string module)
    {
        var outside = TypesOf(module)
            .Where(t => t.IsPublic && (t.Name.EndsWith("Request", StringComparison.Ordinal) || t.Name.EndsWith("Dto", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();
        outside.ShouldBeEmpty($"HTTP records belong in OrderHub.{module}.Contracts");
    }
}
