using System.Reflection;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.ArchitectureTests;

/// <summary>
/// Module boundaries, checked by reflection over the built assemblies: a module may use another module only
/// through its <c>.Contracts</c>; contracts depend on nothing but the building blocks; internals stay internal.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly string[] ModuleNames = ["Platform", "Orders", "Inventory", "Warehouse", "Returns", "Notifications", "Analytics"];

    public static TheoryData<string> Modules => new(ModuleNames);

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static Assembly ModuleAssembly(string module) => Load($"OrderHub.{module}");

    private static Assembly ContractsAssembly(string module) => Load($"OrderHub.{module}.Contracts");

    private static IEnumerable<string> OrderHubReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("OrderHub.", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_references_only_other_modules_contracts(string module)
    {
        var illegal = OrderHubReferences(ModuleAssembly(module))
            .Where(r => r != "OrderHub.BuildingBlocks" && r != $"OrderHub.{module}.Contracts" && !r.EndsWith(".Contracts", StringComparison.Ordinal))
            .ToList();
        illegal.ShouldBeEmpty($"OrderHub.{module} must reach other modules only through their .Contracts");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Contracts_depend_only_on_building_blocks_and_other_contracts(string module)
    {
        var illegal = OrderHubReferences(ContractsAssembly(module))
            .Where(r => r != "OrderHub.BuildingBlocks" && !r.EndsWith(".Contracts", StringComparison.Ordinal))
            .ToList();
        illegal.ShouldBeEmpty();
    }

    [Fact]
    public void Building_blocks_know_no_module()
    {
        OrderHubReferences(Load("OrderHub.BuildingBlocks")).ShouldBeEmpty();
    }

    [Fact]
    public void Building_blocks_own_no_tables()
    {
        // Mechanisms only: a feature that stores something (API keys, idempotency records) is a module with its own schema.
        var contexts = Load("OrderHub.BuildingBlocks").GetTypes()
            .Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t.FullName)
            .ToList();
        contexts.ShouldBeEmpty();
    }

    [Fact]
    public void Every_module_the_host_composes_is_checked()
    {
        var composed = OrderHubReferences(Load("OrderHub.Api"))
            .Where(r => r != "OrderHub.BuildingBlocks" && r != "OrderHub.Web" && !r.EndsWith(".Contracts", StringComparison.Ordinal))
            .Select(r => r["OrderHub.".Length..])
            .Order()
            .ToList();
        composed.ShouldBe(ModuleNames.Order().ToList());
    }

    [Fact]
    public void The_web_pages_reach_modules_only_through_their_contracts()
    {
        var illegal = OrderHubReferences(Load("OrderHub.Web"))
            .Where(r => r != "OrderHub.BuildingBlocks" && !r.EndsWith(".Contracts", StringComparison.Ordinal))
            .ToList();
        illegal.ShouldBeEmpty("OrderHub.Web may use only the modules' .Contracts and the building blocks");
    }

    [Fact]
    public void The_web_pages_are_composed_by_the_host()
    {
        OrderHubReferences(Load("OrderHub.Api")).ShouldContain("OrderHub.Web");
    }

    [Fact]
    public void The_web_pages_own_no_tables_and_handle_no_module_requests()
    {
        // A page that read a module's tables or ran its rules itself would duplicate the module: it sends the module's requests instead.
        var owned = Load("OrderHub.Web").GetTypes()
            .Where(t => typeof(DbContext).IsAssignableFrom(t) || Implements(t, typeof(IRequestHandler<,>)) || Implements(t, typeof(INotificationHandler<>)))
            .Select(t => t.FullName)
            .ToList();
        owned.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Handlers_validators_and_db_contexts_are_internal(string module)
    {
        var assembly = ModuleAssembly(module);
        var exposed = assembly.GetTypes()
            .Where(t => t.IsPublic || t.IsNestedPublic)
            .Where(t => Implements(t, typeof(IRequestHandler<,>)) || Implements(t, typeof(INotificationHandler<>))
                || Implements(t, typeof(IIntegrationEventHandler<>)) || Implements(t, typeof(FluentValidation.IValidator<>))
                || typeof(DbContext).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();
        exposed.ShouldBeEmpty("handlers, validators and DbContexts belong to their module's internals");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Contracts_expose_no_handlers_or_persistence(string module)
    {
        var leaked = ContractsAssembly(module).GetTypes()
            .Where(t => Implements(t, typeof(IRequestHandler<,>)) || typeof(DbContext).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();
        leaked.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Each_module_owns_a_db_context_with_its_own_schema(string module)
    {
        var contexts = ModuleAssembly(module).GetTypes().Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        contexts.Count.ShouldBe(1);
        var schemaConstant = ContractsAssembly(module).GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Single(f => f.Name == "Schema" && f.IsLiteral);
        schemaConstant.GetRawConstantValue().ShouldBe(module.ToLowerInvariant());
    }

    [Fact]
    public void The_boundary_check_sees_a_violation_when_there_is_one()
    {
        // The host is allowed to reference module internals; if the check above were applied to it, it must fail.
        var hostReferences = OrderHubReferences(Load("OrderHub.Api")).ToList();
        hostReferences.ShouldContain("OrderHub.Orders");
        hostReferences.Where(r => r != "OrderHub.BuildingBlocks" && !r.EndsWith(".Contracts", StringComparison.Ordinal)).ShouldNotBeEmpty();
    }

    private static bool Implements(Type type, Type openGeneric) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGeneric);
}
