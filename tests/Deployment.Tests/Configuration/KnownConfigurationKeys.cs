using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Actors.Admin.Connection;
using Actors.Grains.Interfaces;
using Actors.Hosting;
using Actors.Ingestor.Kinesis;
using Actors.Persistence.DynamoDB;
using Orleans.Configuration;

namespace Actors.Deployment.Tests.Configuration;

/// <summary>
/// The configuration keys the programs read, collected by reflection: every class of the project's assemblies with a
/// <c>public const string SectionName</c> is an options class bound to that section, and its
/// bindable properties are the keys (nested classes and list items included). A few sections are bound by a literal
/// name to a class that has no such constant; they are listed here with the place that binds them. Standard
/// variables read by the AWS SDK, OpenTelemetry, ASP.NET Core, the .NET runtime and the logging configuration are
/// allowed by name or prefix.
/// </summary>
public sealed class KnownConfigurationKeys
{
    /// <summary>Sections bound by name to a class without a section constant.</summary>
    private static readonly (string Section, Type Options, string BoundIn)[] LiteralSections =
    [
        ("DynamoDB", typeof(DynamoDBGrainStorageOptions), "src/Hosting/DetectionSiloExtensions.cs: BindConfiguration(\"DynamoDB\")"),
        ("Rules", typeof(DetectionRules), "src/Hosting/DetectionSiloExtensions.cs: GetSection(\"Rules\")"),
        (DetectionClusterOptions.MembershipOptionsSection, typeof(ClusterMembershipOptions), "src/Hosting/DetectionSiloExtensions.cs: ClusterMembershipOptions"),
    ];

    /// <summary>Variables read as they are, not as configuration sections.</summary>
    private static readonly string[] StandardVariables =
        ["AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    private static readonly string[] StandardVariablePrefixes = ["OTEL_", "ASPNETCORE_", "DOTNET_"];

    /// <summary>Configuration sections read as a whole by a framework (any key below them is meaningful).</summary>
    private static readonly string[] FrameworkSections = ["Logging"];

    private static readonly Type[] ScalarTypes =
        [typeof(string), typeof(decimal), typeof(TimeSpan), typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(Guid), typeof(Uri)];

    private readonly Dictionary<string, Type> _keys;

    private KnownConfigurationKeys(Dictionary<string, Type> keys) => _keys = keys;

    /// <summary>Known keys in normalized form (sections joined by ':', list indexes as <c>{i}</c>) and the type each binds to.</summary>
    public IReadOnlyDictionary<string, Type> Keys => _keys;

    /// <summary>The options classes found, by section, for messages.</summary>
    public IReadOnlyDictionary<string, string> Sections { get; private init; } = new Dictionary<string, string>();

    public static KnownConfigurationKeys FromPrograms()
    {
        var keys = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        var sections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in ProjectAssemblies().SelectMany(LoadableTypes).Where(t => t.IsClass))
        {
            if (SectionOf(type) is { } section)
            {
                Collect(type, section, keys, depth: 0);
                sections[section] = type.FullName!;
            }
        }
        foreach (var (section, options, _) in LiteralSections)
        {
            Collect(options, section, keys, depth: 0);
            sections[section] = options.FullName!;
        }
        return new KnownConfigurationKeys(keys) { Sections = sections };
    }

    /// <summary>Whether an environment variable (<c>Section__Key</c>, <c>Section__List__0</c>) is one the programs read.</summary>
    public bool IsRead(string variable)
    {
        if (StandardVariables.Contains(variable, StringComparer.Ordinal) || StandardVariablePrefixes.Any(p => variable.StartsWith(p, StringComparison.Ordinal)))
        {
            return true;
        }
        var key = Normalize(variable);
        return _keys.ContainsKey(key) || FrameworkSections.Any(s => key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The variables of <paramref name="variables"/> that no program reads.</summary>
    public IReadOnlyList<string> Unknown(IEnumerable<string> variables) => variables.Where(v => !IsRead(v)).ToList();

    /// <summary>
    /// Why <paramref name="value"/> cannot be bound to the key of <paramref name="variable"/> (the binder converts with the
    /// type's <see cref="TypeConverter"/>, invariant culture), or null when it can or the key is not an options key.
    /// </summary>
    public string? ValueError(string variable, string value)
    {
        if (!_keys.TryGetValue(Normalize(variable), out var type) || type == typeof(string))
        {
            return null;
        }
        try
        {
            _ = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException)
        {
            return $"{variable}='{value}' is not a {type.Name}";
        }
    }

    /// <summary><c>Notifier__Sinks__0</c> -> <c>Notifier:Sinks:{i}</c>.</summary>
    public static string Normalize(string variable) =>
        string.Join(':', variable.Replace("__", ":", StringComparison.Ordinal).Split(':').Select(part => part.Length > 0 && part.All(char.IsAsciiDigit) ? "{i}" : part));

    private static IEnumerable<Assembly> ProjectAssemblies()
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(DetectionClusterOptions).Assembly, typeof(KinesisIngestOptions).Assembly, typeof(AdminClientOptions).Assembly, Assembly.Load("Actors.Silo")]);
        while (pending.Count > 0)
        {
            var assembly = pending.Pop();
            if (!seen.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Actors.", StringComparison.Ordinal)))
            {
                pending.Push(Assembly.Load(reference));
            }
        }
        return seen.Values;
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }

    private static string? SectionOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && f.Name is "SectionName")
            .Select(f => (string?)f.GetRawConstantValue())
            .FirstOrDefault();

    private static void Collect(Type type, string prefix, Dictionary<string, Type> keys, int depth)
    {
        if (depth > 6)
        {
            return;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var settable = property.SetMethod is { IsPublic: true };
            if (IsScalar(propertyType))
            {
                if (settable)
                {
                    keys[key] = propertyType;
                }
            }
            else if (ElementType(propertyType) is { } element)
            {
                if (settable || (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(List<>)))
                {
                    AddElement(Nullable.GetUnderlyingType(element) ?? element, $"{key}:{{i}}", keys, depth);
                }
            }
            else if (propertyType is { IsClass: true, IsAbstract: false } && propertyType.GetConstructor(Type.EmptyTypes) is not null)
            {
                Collect(propertyType, key, keys, depth + 1);
            }
        }
    }

    private static void AddElement(Type element, string key, Dictionary<string, Type> keys, int depth)
    {
        if (IsScalar(element))
        {
            keys[key] = element;
        }
        else if (element is { IsClass: true, IsAbstract: false })
        {
            Collect(element, key, keys, depth + 1);
        }
    }

    private static bool IsScalar(Type type) => type.IsPrimitive || type.IsEnum || ScalarTypes.Contains(type);

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        return type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var element] ? element : null;
    }
}
