using Microsoft.AspNetCore.Http;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.BuildingBlocks.Tests;

public sealed class ContractTests
{
    [Fact]
    public void Retry_delay_doubles_from_the_first_delay_and_is_capped()
    {
        var options = new OutboxOptions { FirstRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(1) };
        options.RetryDelay(1).ShouldBe(TimeSpan.FromSeconds(10));
        options.RetryDelay(2).ShouldBe(TimeSpan.FromSeconds(20));
        options.RetryDelay(3).ShouldBe(TimeSpan.FromSeconds(40));
        options.RetryDelay(4).ShouldBe(TimeSpan.FromMinutes(1));
        options.RetryDelay(40).ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData(null, null, 1, 50)]
    [InlineData(3, 200, 3, 200)]
    public void Valid_paging_is_accepted(int? page, int? size, int expectedPage, int expectedSize)
    {
        var request = PageRequest.From(page, size);
        request.Page.ShouldBe(expectedPage);
        request.PageSize.ShouldBe(expectedSize);
        request.Skip.ShouldBe((expectedPage - 1) * expectedSize);
    }

    [Theory]
    [InlineData(0, 10, "page")]
    [InlineData(1, 201, "pageSize")]
    [InlineData(1, 0, "pageSize")]
    public void Invalid_paging_is_a_validation_error_on_the_field(int page, int size, string field)
    {
        var error = Should.Throw<RequestValidationException>(() => PageRequest.From(page, size));
        error.Errors.Keys.ShouldBe([field]);
    }

    [Theory]
    [InlineData("\"3\"", 3)]
    [InlineData("W/\"7\"", 7)]
    [InlineData("*", null)]
    [InlineData("", null)]
    public void If_match_is_parsed_from_the_etags_this_api_hands_out(string header, int? expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.IfMatch = header;
        ETags.ExpectedVersion(context.Request).ShouldBe(expected);
    }

    [Fact]
    public void A_malformed_if_match_is_a_validation_error_and_a_stale_one_is_412()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.IfMatch = "abc";
        Should.Throw<RequestValidationException>(() => ETags.ExpectedVersion(context.Request));
        Should.Throw<PreconditionFailedException>(() => ETags.Check(2, 3));
        Should.NotThrow(() => ETags.Check(3, 3));
        Should.NotThrow(() => ETags.Check(null, 3));
    }

    [Fact]
    public void Exceptions_map_to_their_problem_statuses()
    {
        ExceptionMapping.ToProblem(new NotFoundException("Order", 1)).Status.ShouldBe(404);
        ExceptionMapping.ToProblem(new ConflictException("x")).Status.ShouldBe(409);
        ExceptionMapping.ToProblem(new BusinessRuleException("x")).Status.ShouldBe(422);
        ExceptionMapping.ToProblem(new PreconditionFailedException("x")).Status.ShouldBe(412);
        ExceptionMapping.ToProblem(RequestValidationException.For("a", "b")).Status.ShouldBe(400);
        ExceptionMapping.ToProblem(new OrderHub.BuildingBlocks.Persistence.DatabaseBusyException("busy")).Status.ShouldBe(503);
        ExceptionMapping.ToProblem(new InvalidOperationException("bug")).Status.ShouldBe(500);
    }
}
