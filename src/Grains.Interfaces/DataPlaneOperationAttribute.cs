namespace Actors.Grains.Interfaces;

/// <summary>
/// Marks a grain interface method of the data plane: the calls that feed readings in, persist what they changed, notify
/// alerts and move stream checkpoints. Only the cluster's own processes may call it: the caller must present the
/// data-plane credential (see <see cref="DataPlaneRequestContext"/>), which silos and ingestors hold and the admin client
/// does not; the silo refuses the call with <see cref="DataPlaneAccessDeniedException"/> otherwise, whoever the caller
/// claims to be.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class DataPlaneOperationAttribute : Attribute;
