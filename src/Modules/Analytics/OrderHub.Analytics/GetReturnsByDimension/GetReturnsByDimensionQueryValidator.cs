using FluentValidation;

namespace OrderHub.Analytics.GetReturnsByDimension;

internal sealed class GetReturnsByDimensionQueryValidator : AbstractValidator<GetReturnsByDimensionQuery>
{
    public GetReturnsByDimensionQueryValidator() =>
        RuleFor(x => x.Dimension)
            .Must(d => d is not null && Dimensions.All.Contains(d))
            .WithMessage($"dimension must be one of: {string.Join(", ", Dimensions.All)}.");
}
