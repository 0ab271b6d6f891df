using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KreativLand.Web.Data;

/// <summary>Stores an enum member as its kebab-case code, e.g. <c>in-review</c>.</summary>
public sealed class CodeConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => Code.Of(value),
    code => Code.Parse<TEnum>(code))
    where TEnum : struct, Enum;

/// <summary>Stores a list of small objects as one jsonb document (they are never queried on their own).</summary>
public static class JsonColumn
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower) },
    };

    public static ValueConverter<List<T>, string> Converter<T>() => new(
        value => System.Text.Json.JsonSerializer.Serialize(value, Options),
        json => System.Text.Json.JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>());

    public static ValueComparer<List<T>> Comparer<T>() => new(
        (left, right) => System.Text.Json.JsonSerializer.Serialize(left, Options) == System.Text.Json.JsonSerializer.Serialize(right, Options),
        value => System.Text.Json.JsonSerializer.Serialize(value, Options).GetHashCode(),
        value => System.Text.Json.JsonSerializer.Deserialize<List<T>>(System.Text.Json.JsonSerializer.Serialize(value, Options), Options)!);

    public static ValueConverter<T, string> SingleConverter<T>() where T : class => new(
        value => System.Text.Json.JsonSerializer.Serialize(value, Options),
        json => System.Text.Json.JsonSerializer.Deserialize<T>(json, Options)!);

    public static ValueComparer<T> SingleComparer<T>() where T : class => new(
        (left, right) => System.Text.Json.JsonSerializer.Serialize(left, Options) == System.Text.Json.JsonSerializer.Serialize(right, Options),
        value => System.Text.Json.JsonSerializer.Serialize(value, Options).GetHashCode(),
        value => System.Text.Json.JsonSerializer.Deserialize<T>(System.Text.Json.JsonSerializer.Serialize(value, Options), Options)!);
}
