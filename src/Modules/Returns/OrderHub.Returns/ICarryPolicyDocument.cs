using OrderHub.Returns.Contracts;

namespace OrderHub.Returns;

/// <summary>A request that carries a policy document, checked by <see cref="ReturnPolicyDocumentRules"/>.</summary>
internal interface ICarryPolicyDocument
{
    UpdateReturnPolicyRequest Policy { get; }
}
