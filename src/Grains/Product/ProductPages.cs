using System.Globalization;

namespace Actors.Grains.Product;

/// <summary>
/// The records a product's state is kept in beside its head (<see cref="ProductState"/>): one per hour of its history
/// (<c>history/{UTC ticks of the hour}</c>), its limits (<c>limits</c>) and its chart points (<c>chart</c>). Each kind is
/// its own state name (<c>product-history</c>, <c>product-limits</c>, <c>product-chart</c>), so storage metrics tell them apart.
/// </summary>
internal static class ProductPages
{
    public const string Limits = "limits";
    public const string Chart = "chart";
    private const string HistoryPrefix = "history/";

    public static string History(long startTicks) => HistoryPrefix + startTicks.ToString(CultureInfo.InvariantCulture);

    public static string StateName(string page) => page switch
    {
        Limits => "product-limits",
        Chart => "product-chart",
        _ => "product-history",
    };
}
