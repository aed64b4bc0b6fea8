using MediatR;

namespace OrderHub.BuildingBlocks.Application;

/// <summary>A state change; runs inside the unit of work.</summary>
public interface ICommand<out TResult> : IRequest<TResult>, ICommandMarker;

/// <summary>A read; never opens a write transaction.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;

/// <summary>Lets the pipeline recognise commands without knowing their result type.</summary>
public interface ICommandMarker;
