namespace Actors.Grains.Interfaces;

/// <summary>An operator's action that the alarm's state does not allow (e.g. acknowledging an alarm that is not raised).</summary>
[GenerateSerializer, Alias("alarm-action-refused")]
public sealed class AlarmActionRefusedException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public AlarmActionRefusedException() : base("The alarm's state does not allow this action.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public AlarmActionRefusedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public AlarmActionRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
