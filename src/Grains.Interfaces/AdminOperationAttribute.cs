namespace Actors.Grains.Interfaces;

/// <summary>
/// Marks a grain interface method that changes cluster-wide state on an operator's behalf (rules, imported limits).
/// A client calling it must present the admin secret (see <see cref="AdminRequestContext"/>); the silo refuses the call
/// with <see cref="AdminAccessDeniedException"/> otherwise. Calls from one grain to another are not admin calls.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class AdminOperationAttribute : Attribute;
