namespace KreativLand.Web;

/// <summary>Marker type for the UI strings in Resources/SharedResource.{de,en}.resx.</summary>
public sealed class SharedResource;
